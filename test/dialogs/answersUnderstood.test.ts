import { SummaryDialog, WhatMattersDialog } from '../../dialogs';
import { INTERESTS, ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, storedAnswers, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

/** Someone at one part of "what matters" (as when changing it from the summary). */
async function askedAbout(part: string, lang: 'en' | 'cy' = 'en') {
  const personKey = await consentedPerson(repo, lang, part);
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: part });
  const opening = await conversation.say('hello');
  return { personKey, conversation, opening };
}

describe('"What do you enjoy?" answered with "don\'t know", "that\'s all" or "anything"', () => {
  it.each([
    ['en', "that's all"],
    ['en', 'idk'],
    ['en', 'no idea'],
    ['en', "that's it"],
    ['en', 'none of them'],
    ['en', 'not bothered'],
    ['cy', 'dyna i gyd'],
    ['cy', 'wn i ddim'],
  ] as const)('(%s) "%s" is no interests, not the person\'s own words, and moves on', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askedAbout('interests', lang);
    const reply = await conversation.say(text);
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: [] });
    expect(reply.text).not.toContain(t('whatMatters.interests.more'));
    expect(conversation.finished).toBe(true);
  });

  it.each([
    ['en', 'all of them'],
    ['en', 'anything'],
    ['cy', 'unrhyw beth'],
  ] as const)('(%s) "%s" is open to anything, and is read back so', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askedAbout('interests', lang);
    await conversation.say(text);
    const interests = (await storedAnswers(database.db, personKey)).interests as { chosen: string[]; ownWords?: string };
    expect(interests.ownWords).toBeUndefined();
    expect([...interests.chosen].sort()).toEqual([...INTERESTS].sort());

    const summary = await new Conversation(new SummaryDialog(repo, config), { personKey }).say('hello');
    const line = summary.activities[0].text!.split('\n').find((l) => l.includes(t('summary.interestsAnything')));
    expect(line).toBe(`• ${t('summary.lines.interests', { value: t('summary.interestsAnything') })}`);
  });

  it('still keeps a real answer in the person\'s own words', async () => {
    const { personKey, conversation } = await askedAbout('interests');
    await conversation.say('birdwatching with my grandson');
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: [], ownWords: 'birdwatching with my grandson' });
  });
});

describe('"What gets in the way?" answered in a sentence', () => {
  it.each([
    ['en', 'my knees are bad', ['access']],
    ['en', 'i get panic attacks around people', ['groupAnxiety']],
    ['en', "I'm deaf", ['access']],
    ['cy', "mae fy mhengliniau'n wael", ['access']],
  ] as const)('(%s) "%s" is understood, said back, and followed by "Anything else?"', async (lang, text, barriers) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askedAbout('barriers', lang);
    const reply = await conversation.say(text);
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(barriers);
    expect(reply.text).toContain(t('common.noted', { list: barriers.map((b) => t(`whatMatters.barriers.options.${b}.label`)).join(', ') }));
    expect(reply.text).toContain(t('whatMatters.barriers.more'));
  });

  it.each([
    ['en', 'nah nothing'],
    ['en', "that's all"],
    ['cy', 'dyna i gyd'],
  ] as const)('(%s) "%s" is "Nothing"', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askedAbout('barriers', lang);
    const reply = await conversation.say(text);
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['nothing']);
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(conversation.finished).toBe(true);
  });

  it('(cy) after a sentence naming two barriers, asks "anything else?", so "dyna i gyd" is taken there', async () => {
    const t = tFor('cy');
    const { personKey, conversation } = await askedAbout('barriers', 'cy');
    let reply = await conversation.say("Mae'n rhy ddrud a does dim bws");
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['cost', 'transport']);
    expect(reply.text).toContain(t('whatMatters.barriers.more'));
    reply = await conversation.say('dyna i gyd');
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(conversation.finished).toBe(true);
  });

  it('answers "I work full time" kindly and asks again, without "Sorry, I didn\'t understand"', async () => {
    const t = tFor('en');
    const { personKey, conversation } = await askedAbout('barriers');
    const reply = await conversation.say('i work full time');
    expect(reply.text).toContain(t('whatMatters.barriers.workNoted'));
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect((await storedAnswers(database.db, personKey)).barriers).toBeUndefined();
    await conversation.say('no');
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['nothing']);
  });
});
