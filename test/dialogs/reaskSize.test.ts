/**
 * By text, a question asked again ("Sorry, I didn't understand that." and the question) stays
 * within two GSM-7 parts in English, and within the Welsh budget of 6 UCS-2 parts, for every
 * question of "what matters" and the wellbeing check, first asked or "Anything else?".
 */
import type { Activity } from 'botbuilder';
import { WellbeingDialog, WhatMattersDialog } from '../../dialogs';
import { activityText, countSegments, UCS2_SEGMENT_BUDGET } from '../../src/channels/sms';
import type { Language } from '../../src/i18n';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { consentedPerson, Conversation, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;
beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

/** Answers that are not answers: each makes a question explain and ask again. */
const PROBLEMS: Record<string, string | Partial<Activity>> = {
  'not understood': 'zzqx qqzx',
  'a picture': { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.test/x.png' }] },
  'too long': 'a'.repeat(6000),
};

/** Where to start, and what to say first to reach the question ("Anything else?" after one pick). */
const QUESTIONS: { name: string; only?: string; wellbeing?: boolean; before: string[] }[] = [
  { name: 'what matters', only: 'whatMatters', before: [] },
  { name: 'interests', only: 'interests', before: [] },
  { name: 'interests, anything else?', only: 'interests', before: ['1'] },
  { name: 'barriers', only: 'barriers', before: [] },
  { name: 'barriers, anything else?', only: 'barriers', before: ['1'] },
  { name: 'days', only: 'when', before: [] },
  { name: 'times', only: 'when', before: ['1'] },
  { name: 'times, anything else?', only: 'when', before: ['1', '1'] },
  { name: 'place', only: 'place', before: [] },
  { name: 'contact', only: 'contact', before: [] },
  { name: 'mobile', only: 'contact', before: ['2'] },
  { name: 'phone', only: 'contact', before: ['3'] },
  { name: 'name', only: 'name', before: [] },
  { name: 'wellbeing', wellbeing: true, before: [] },
];

async function askedAgain(lang: Language, question: (typeof QUESTIONS)[number], problem: string | Partial<Activity>, times = 1): Promise<string | undefined> {
  const personKey = await consentedPerson(repo, lang, 'reask');
  const dialog = question.wellbeing ? new WellbeingDialog(repo) : new WhatMattersDialog(repo);
  const conversation = new Conversation(dialog, { personKey, only: question.only }, 'sms');
  await conversation.say('hello');
  for (const answer of question.before) await conversation.say(answer);
  let reply = await conversation.say(problem);
  for (let i = 1; i < times; i += 1) reply = await conversation.say(problem);
  // Some questions take anything typed (own words, a name): nothing is asked again.
  const last = reply.activities.filter((a) => a.type === 'message').at(-1);
  return last && conversation.finished === false ? activityText(last) : undefined;
}

const cases = QUESTIONS.flatMap((question) => Object.keys(PROBLEMS).map((problem) => [question.name, problem] as const));

describe.each(['en', 'cy'] as const)('asked again by text (%s)', (lang) => {
  const t = tFor(lang);

  it.each(cases)('%s, after %s, fits', async (name, problem) => {
    const text = await askedAgain(lang, QUESTIONS.find((q) => q.name === name)!, PROBLEMS[problem]);
    if (text === undefined) return;
    const count = countSegments(text);
    // English: two GSM-7 parts. Welsh: its accents make it UCS-2, within 6 parts (2 if it has none).
    const fits = lang === 'en' ? count.encoding === 'GSM-7' && count.segments <= 2 : count.segments <= (count.encoding === 'UCS-2' ? UCS2_SEGMENT_BUDGET : 2);
    expect({ fits, text }).toEqual({ fits: true, text });
  });

  // From the second miss the way forward (skip, talk to a person) is added: it still fits. A picture
  // is a miss at every question, even those that take any words typed.
  it.each(QUESTIONS.map((question) => question.name))('%s, stuck after two misses, fits and offers a way forward', async (name) => {
    const text = await askedAgain(lang, QUESTIONS.find((q) => q.name === name)!, PROBLEMS['a picture'], 2);
    if (text === undefined) return;
    const count = countSegments(text);
    const fits = lang === 'en' ? count.encoding === 'GSM-7' && count.segments <= 2 : count.segments <= (count.encoding === 'UCS-2' ? UCS2_SEGMENT_BUDGET : 2);
    expect({ fits, text }).toEqual({ fits: true, text });
    expect(text).toMatch(/PERSON/);
  });

  it('the longest list keeps the list, the question and the way to answer, and a short way out', async () => {
    const text = (await askedAgain(lang, QUESTIONS.find((q) => q.name === 'barriers')!, PROBLEMS['not understood']))!;
    expect(text).toContain(t('common.notUnderstood'));
    expect(text).toContain(t('whatMatters.barriers.ask'));
    expect(text).toContain(`7. ${t('whatMatters.barriers.options.nothing.label')}`);
    expect(text).toContain(t('common.replyWithNumbers'));
    expect(text).not.toContain(t('common.wayOutSms'));
    // Welsh is longer: there the way out is left out (it came with the welcome).
    if (lang === 'en') expect(text).toContain(t('common.wayOutShortSms'));
  });

  it('a short question keeps the full way out (MENU, PAUSE, STOP)', async () => {
    const text = (await askedAgain(lang, QUESTIONS.find((q) => q.name === 'days')!, PROBLEMS['not understood']))!;
    expect(text).toContain(t('common.wayOutSms'));
  });
});
