/**
 * Coming back after a break with "hello, sorry I had to go" (or "shwmae", "sori, o'n i'n gorfod
 * mynd") is not an answer: it is greeted, the same question is shown again with its choices, and
 * nothing is stored. An answer that only starts with hello ("hi, I love gardening") is still read.
 */
import { SummaryDialog, WelcomeDialog, WhatMattersDialog } from '../../dialogs';
import type { Language } from '../../src/i18n';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { startSmsApp, type SmsApp } from '../helpers/smsApp';
import { config, consentedPerson, Conversation, newPersonKey, storedAnswers, storedReferral, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;
beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

async function askOnly(only: string, lang: Language, channelId = 'test') {
  const personKey = await consentedPerson(repo, lang, `greeting-${only}`);
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only }, channelId);
  const opening = await conversation.say('hello');
  return { personKey, conversation, opening };
}

const BACK_AGAIN: [Language, string][] = [
  ['en', 'hi again'],
  ['en', 'hi its me again'],
  ['en', 'hello'],
  ['en', 'sorry i had to go'],
  ['en', 'Hello, sorry I had to go!'],
  ['cy', 'helo'],
  ['cy', 'shwmae'],
  ["cy", "su'mae"],
  ['cy', 'haia'],
  ['cy', "sori, o'n i'n gorfod mynd"],
  ['cy', 'helo eto, fi sy ma'],
];

describe('a greeting at a choice question', () => {
  it.each(BACK_AGAIN)('(%s) "%s" is greeted and the question shown again with its choices, nothing stored', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation, opening } = await askOnly('barriers', lang);
    const reply = await conversation.say(text);
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(reply.text).toContain(t('whatMatters.barriers.ask'));
    expect(reply.buttons).toEqual(opening.buttons);
    expect(conversation.finished).toBe(false);
    expect((await storedAnswers(database.db, personKey)).barriers).toBeUndefined();
  });

  it('by text, the choices come again under their numbers', async () => {
    const t = tFor('en');
    const { conversation } = await askOnly('barriers', 'en', 'sms');
    const reply = await conversation.say('hi again');
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect(reply.text).toContain(`1. ${t('whatMatters.barriers.options.cost.label')}`);
  });

  it('a greeting with an answer in it is the answer', async () => {
    const { personKey, conversation } = await askOnly('barriers', 'en');
    await conversation.say('hi, cost');
    expect((await storedAnswers(database.db, personKey)).barriers).toEqual(['cost']);
  });
});

describe('a greeting at "Anything else you enjoy?" (own words allowed)', () => {
  it.each([
    ['en', 'hello, sorry I had to go'],
    ['en', 'hello'],
    ['cy', "sori, o'n i'n gorfod mynd"],
  ] as const)('(%s) "%s" is not kept as the person\'s own words', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askOnly('interests', lang);
    await conversation.say(lang === 'en' ? 'music' : 'cerddoriaeth');
    const reply = await conversation.say(text);
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect(reply.text).toContain(t('whatMatters.interests.more'));
    expect(reply.buttons).toContain(t('whatMatters.interests.options.gardening.label'));
    await conversation.say(lang === 'en' ? "that's all" : "dyna'r cyfan");
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: ['music'] });
  });

  it('"hi, I love gardening" is still an answer', async () => {
    const { personKey, conversation } = await askOnly('interests', 'en');
    await conversation.say('hi, I love gardening');
    expect((await storedAnswers(database.db, personKey)).interests).toEqual({ chosen: [], ownWords: 'hi, I love gardening' });
  });
});

describe('a greeting at "What matters to you?"', () => {
  it.each([
    ['en', 'hello'],
    ['en', 'hiya, sorry about that'],
    ['cy', 'shwmae'],
  ] as const)('(%s) "%s" is not an answer', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askOnly('whatMatters', lang);
    const reply = await conversation.say(text);
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect(reply.text).toContain(t('whatMatters.whatMatters.ask'));
    expect((await storedAnswers(database.db, personKey)).whatMatters).toBeUndefined();
    await conversation.say('Hello, I would like to meet people');
    expect((await storedAnswers(database.db, personKey)).whatMatters).toBe('Hello, I would like to meet people');
  });
});

describe('where a greeting already means something, or the question is not in the questions', () => {
  it('at "Which language?" a Welsh greeting still chooses Cymraeg', async () => {
    const personKey = newPersonKey('greeting-welcome');
    await repo.getOrCreate(personKey, 'test', 'en');
    const conversation = new Conversation(new WelcomeDialog(repo, config), { personKey }, 'test');
    await conversation.say('hello');
    const reply = await conversation.say('shwmae');
    expect(reply.text).not.toContain(tFor('en')('faq.greetings.reply'));
    expect(conversation.result).toEqual({ language: 'cy' });
    expect(await storedReferral(database.db, personKey)).toMatchObject({ lang: 'cy' });
  });

  it.each(['en', 'cy'] as const)('(%s) at the summary, hello shows "Is this right?" again and sends nothing', async (lang) => {
    const t = tFor(lang);
    const personKey = await consentedPerson(repo, lang, 'greeting-summary');
    await repo.saveAnswer(personKey, 'whatMatters', 'Meeting people again after a hard year');
    await repo.saveAnswer(personKey, 'interests', { chosen: ['music'] });
    const conversation = new Conversation(new SummaryDialog(repo, config), { personKey }, 'test');
    const opening = await conversation.say('hello');
    const reply = await conversation.say(lang === 'en' ? 'hello' : 'helo');
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect(reply.text).toContain(t('summary.ask'));
    expect(reply.buttons).toEqual(opening.buttons);
    expect(conversation.finished).toBe(false);
    expect((await storedReferral(database.db, personKey))?.status).not.toBe('ready');
  });
});

describe('by text, through the whole app', () => {
  let sms: SmsApp;
  beforeAll(async () => {
    sms = await startSmsApp();
  });
  afterAll(async () => sms.stop());

  it('"hello" hours later at "Anything else you enjoy?" is greeted, and the referral keeps no own words', async () => {
    const t = tFor('en');
    const from = '+447700900777';
    for (const body of ['hi', 'English', 'yes', 'I get anxious and stay in', 'music']) await sms.text(from, body);
    const replies = (await sms.text(from, 'hello')).join('\n');
    expect(replies).toContain(t('faq.greetings.reply'));
    expect(replies).toContain(t('whatMatters.interests.more'));
    await sms.text(from, "that's all");
    const referral = await sms.database.db.collection(Collections.referrals).findOne({});
    expect(referral?.answers).toMatchObject({ whatMatters: 'I get anxious and stay in', interests: { chosen: ['music'] } });
    expect(referral?.answers.interests.ownWords).toBeUndefined();
  });
});
