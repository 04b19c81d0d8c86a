/**
 * An older person texting from a basic phone (ALL CAPS, short replies): "N" or "ok thank you dear"
 * to "Anything else?" means nothing else; a second miss offers skip or a person; a number past the
 * list says which numbers there are; and coming back a week later says plainly that nothing has gone
 * to the team yet, so nobody will ring until it has.
 */
import { WellbeingDialog, WhatMattersDialog } from '../../dialogs';
import { preferSmsVariants } from '../../dialogs/render';
import type { Language } from '../../src/i18n';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { startSmsApp, type SmsApp } from '../helpers/smsApp';
import { consentedPerson, Conversation, storedAnswers, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;
beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

const smsFor = (lang: Language) => preferSmsVariants(tFor(lang), lang);

async function bySms(lang: Language, only?: string, wellbeing = false) {
  const personKey = await consentedPerson(repo, lang, 'older');
  const dialog = wellbeing ? new WellbeingDialog(repo) : new WhatMattersDialog(repo);
  const conversation = new Conversation(dialog, { personKey, only }, 'sms');
  const opening = await conversation.say('HELLO');
  return { personKey, conversation, opening };
}

describe('"nothing else" to "Anything else?"', () => {
  const NOTHING_ELSE: [Language, string][] = [
    ['en', 'N'],
    ['en', 'ok thank you dear'],
    ['en', 'no thats all'],
    ['en', 'NO'],
    ['en', 'nope'],
    ['en', 'thats it thanks'],
    ['en', 'THATS ALL LOVE'],
    ['cy', 'na'],
    ['cy', 'dim'],
    ["cy", "dyna'r cyfan"],
    ['cy', 'dim byd arall diolch'],
  ];

  it.each(NOTHING_ELSE)('(%s) "%s" after a pick at "what gets in the way" ends the question, keeping the pick', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await bySms(lang, 'barriers');
    expect((await conversation.say('1')).text).toContain(t('whatMatters.barriers.more'));
    const reply = await conversation.say(text);
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['cost']);
  });

  it.each(NOTHING_ELSE)('(%s) "%s" at "Anything else you enjoy?" is not kept as their own words', async (lang, text) => {
    const { personKey, conversation } = await bySms(lang, 'interests');
    await conversation.say('4');
    await conversation.say(text);
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: ['music'] });
  });

  it.each(['N', 'ok thank you dear'])('"%s" after a time of day moves on', async (text) => {
    const { personKey, conversation } = await bySms('en', 'when');
    await conversation.say('3');
    await conversation.say('1');
    await conversation.say(text);
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).times).toEqual(['mornings']);
  });

  it('real answers still count: a number, a word, and "no" on its own at the first asking is not "nothing else"', async () => {
    const { personKey, conversation } = await bySms('en', 'barriers');
    expect((await conversation.say('OK THANK YOU DEAR')).text).toContain(tFor('en')('common.notUnderstood'));
    await conversation.say('1');
    await conversation.say('2');
    await conversation.say('CARING');
    await conversation.say('N');
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['cost', 'transport', 'caring']);
  });
});

describe('stuck on a question: from the second miss, skip or a person is offered', () => {
  it.each(['en', 'cy'] as const)('(%s) at "Which days?" (no skip there) the second miss offers a person, kindly', async (lang) => {
    const sms = smsFor(lang);
    const { conversation } = await bySms(lang, 'when');
    expect((await conversation.say('ZZZ QQQ')).text).not.toContain(sms('common.stuck.person'));
    const second = await conversation.say('ZZZ QQQ');
    expect(second.text).toContain(sms('common.stuck.person'));
    expect(second.text).not.toContain(sms('common.stuck.skipOrPerson'));
    expect(second.text).toContain(tFor(lang)('whatMatters.days.ask'));
  });

  it.each(['en', 'cy'] as const)('(%s) at "Anything else that gets in the way?" skip is offered, and skip works', async (lang) => {
    const sms = smsFor(lang);
    const { personKey, conversation } = await bySms(lang, 'barriers');
    await conversation.say('2');
    await conversation.say('ZZZ QQQ');
    expect((await conversation.say('ZZZ QQQ')).text).toContain(sms('common.stuck.skipOrPerson'));
    await conversation.say(lang === 'en' ? 'SKIP' : 'HEPGOR');
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['transport']);
  });

  it('at a typed question that can be skipped (where), skip is offered and works', async () => {
    const { personKey, conversation } = await bySms('en', 'place');
    await conversation.say('12345 ???');
    expect((await conversation.say('12345 ???')).text).toContain(smsFor('en')('common.stuck.skipOrPerson'));
    await conversation.say('SKIP');
    expect(conversation.finished).toBe(true);
    expect((await storedAnswers(database.db, personKey)).place).toBeNull();
  });

  it('at a wellbeing score, skip is offered on the second miss', async () => {
    const { conversation } = await bySms('en', undefined, true);
    await conversation.say('ZZZ');
    expect((await conversation.say('ZZZ')).text).toContain(smsFor('en')('common.stuck.skipOrPerson'));
  });
});

describe('numbers past the list, and a time of day at "Which days?"', () => {
  it.each(['4', '5', '6', 'NUMBER 5'])('"%s" to a list of 3 says to reply with a number from 1 to 3', async (text) => {
    const { personKey, conversation } = await bySms('en', 'when');
    const reply = await conversation.say(text);
    expect(reply.text).toContain(tFor('en')('common.pickNumber', { max: 3 }));
    expect(reply.text).not.toContain(tFor('en')('common.notUnderstood'));
    expect((await storedAnswers(database.db, personKey)).days).toBeUndefined();
  });

  it('in Welsh too', async () => {
    const { conversation } = await bySms('cy', 'when');
    expect((await conversation.say('5')).text).toContain(tFor('cy')('common.pickNumber', { max: 3 }));
  });

  it('"3" is still Any day', async () => {
    const { personKey, conversation } = await bySms('en', 'when');
    await conversation.say('3');
    expect((await storedAnswers(database.db, personKey)).days).toBe('any');
  });

  it('"12" where the list stops at 9 says so, and is not kept as their own words', async () => {
    const { personKey, conversation } = await bySms('en', 'interests');
    expect((await conversation.say('1 AND 12')).text).toContain(tFor('en')('common.pickNumber', { max: 9 }));
    expect((await storedAnswers(database.db, personKey)).interests).toBeUndefined();
  });

  it.each([
    ['en', 'MORNINGS'],
    ['en', 'mornings or afternoons please'],
    ['cy', 'boreau'],
  ] as const)('(%s) "%s" at "Which days?" is told the time of day comes next, not "Sorry"', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await bySms(lang, 'when');
    const reply = await conversation.say(text);
    expect(reply.text).toContain(t('whatMatters.days.timesNext'));
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(reply.text).toContain(t('whatMatters.days.ask'));
    expect((await storedAnswers(database.db, personKey)).days).toBeUndefined();
  });

  it('"weekday mornings" is still Weekdays', async () => {
    const { personKey, conversation } = await bySms('en', 'when');
    await conversation.say('WEEKDAY MORNINGS');
    expect((await storedAnswers(database.db, personKey)).days).toBe('weekdays');
  });
});

describe('coming back to an unfinished conversation', () => {
  const MARGARET = 'HELLO ITS MARGARET AGAIN DID ANYONE GET MY MESSAGE NOBODY HAS RUNG ME';

  it.each([
    ['en', MARGARET],
    ['en', 'nobody has called me'],
    ['cy', 'gawsoch chi fy neges? does neb wedi ffonio'],
  ] as const)('(%s) "%s" is told plainly nothing has gone to the team yet, and the question comes again', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await bySms(lang, 'when');
    await conversation.say('3');
    const reply = await conversation.say(text);
    expect(reply.text).toContain(smsFor(lang)('common.notSentYet'));
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(reply.text).toContain(t('whatMatters.times.ask'));
    expect((await storedAnswers(database.db, personKey)).times).toBeUndefined();
    // Carrying on where they left off still works.
    await conversation.say('1 AND 2');
    expect((await storedAnswers(database.db, personKey)).times).toEqual(['mornings', 'afternoons']);
  });

  it('by web chat, the longer words say to type "talk to a person"', async () => {
    const personKey = await consentedPerson(repo, 'en', 'older-web');
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'when' }, 'test');
    await conversation.say('hello');
    expect((await conversation.say(MARGARET)).text).toContain(tFor('en')('common.notSentYet'));
  });

  it.each([
    ['en', 'hello, sorry I had to go'],
    ['cy', 'shwmae'],
  ] as const)('(%s) a greeting after a break is greeted, told nothing has gone yet, once', async (lang, text) => {
    const t = tFor(lang);
    const { conversation } = await bySms(lang, 'barriers');
    const first = await conversation.say(text);
    expect(first.text).toContain(t('faq.greetings.reply'));
    expect(first.text).toContain(smsFor(lang)('common.notSentYet'));
    expect(first.text).toContain(t('whatMatters.barriers.ask'));
    const again = await conversation.say(text);
    expect(again.text).toContain(t('faq.greetings.reply'));
    expect(again.text).not.toContain(smsFor(lang)('common.notSentYet'));
  });

  it('at "What matters to you?", "nobody has called me in years" is their answer', async () => {
    const { personKey, conversation } = await bySms('en');
    await conversation.say('Nobody has called me in years');
    expect((await storedAnswers(database.db, personKey)).whatMatters).toBe('Nobody has called me in years');
  });

  it('once they have asked for a person, it is not said', async () => {
    const { personKey, conversation } = await bySms('en', 'when');
    await repo.recordHumanRequest(personKey, 'sms', 'en');
    await conversation.say('3');
    expect((await conversation.say('hello again')).text).not.toContain(smsFor('en')('common.notSentYet'));
  });
});

describe('by text, through the whole app', () => {
  let sms: SmsApp;
  beforeAll(async () => {
    sms = await startSmsApp();
  });
  afterAll(async () => sms.stop());

  it('Margaret stops mid-way, texts a week later, is told why nobody rang, and PERSON sends what she has', async () => {
    const from = '+447700900612';
    for (const body of ['HELLO', 'ENGLISH', 'YES', 'I AM LONELY SINCE MY HUSBAND DIED', '3', 'N', '1', 'NO']) await sms.text(from, body);
    const back = (await sms.text(from, 'HELLO ITS MARGARET AGAIN DID ANYONE GET MY MESSAGE NOBODY HAS RUNG ME')).join('\n');
    expect(back).toContain(smsFor('en')('common.notSentYet'));
    expect(back).not.toContain(tFor('en')('common.notUnderstood'));
    expect(back).toContain(tFor('en')('whatMatters.days.ask'));
    await sms.text(from, 'PERSON');
    const referral = await sms.database.db.collection(Collections.referrals).findOne({});
    expect(referral?.humanRequestedAt).toBeInstanceOf(Date);
    expect(referral?.answers).toMatchObject({ interests: { chosen: ['gardening'] }, barriers: ['cost'] });
  });
});
