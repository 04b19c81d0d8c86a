/**
 * "Good morning" at "What time of day suits you?" answers the question (mornings) and is said back,
 * so a wrong guess shows. A greeting with more to it ("hi, good morning", "hello again"), or naming a
 * time already chosen, is still greeted as a return after a break, and stores nothing.
 */
import { WhatMattersDialog } from '../../dialogs';
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

/** At "What time of day suits you?" (days already answered). */
async function askTimes(lang: Language) {
  const personKey = await consentedPerson(repo, lang, 'times-greeting');
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'when' }, 'webchat');
  await conversation.say('hello');
  await conversation.say(lang === 'en' ? 'weekends' : 'penwythnosau');
  return { personKey, conversation };
}

const storedTimes = async (personKey: string) => (await storedAnswers(database.db, personKey)).times;

describe('a time-of-day greeting on its own names the time', () => {
  it.each([
    ['en', 'good morning', 'mornings'],
    ['en', 'Good morning!', 'mornings'],
    ['en', 'good afternoon', 'afternoons'],
    ['en', 'good evening', 'evenings'],
    ['cy', 'bore da', 'mornings'],
    ['cy', 'prynhawn da', 'afternoons'],
    ['cy', 'noswaith dda', 'evenings'],
  ] as const)('(%s) "%s" stores %s, says so, and asks for any other time', async (lang, text, time) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askTimes(lang);
    const reply = await conversation.say(text);
    expect(await storedTimes(personKey)).toEqual([time]);
    expect(reply.text).toContain(t('common.noted', { list: t(`whatMatters.times.options.${time}.label`) }));
    expect(reply.text).toContain(t('whatMatters.times.more'));
    expect(reply.text).not.toContain(t('faq.greetings.reply'));
  });
});

describe('answers about mornings still work', () => {
  it.each(['mornings', 'any morning', 'morning', 'mornings are good', 'morning is good'])('"%s" is mornings', async (text) => {
    const { personKey, conversation } = await askTimes('en');
    const reply = await conversation.say(text);
    expect(await storedTimes(personKey)).toEqual(['mornings']);
    expect(reply.text).toContain(tFor('en')('whatMatters.times.more'));
  });
});

describe('a greeting after a break is still greeted', () => {
  it.each([
    ['en', 'hello again'],
    ['en', 'hi, good morning'],
    ['en', 'good morning, sorry I had to go'],
    ['cy', 'helo eto'],
    ['cy', 'shwmae, bore da'],
  ] as const)('(%s) "%s": greeted, asked again, nothing stored', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askTimes(lang);
    const reply = await conversation.say(text);
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect(reply.text).toContain(t('whatMatters.times.ask'));
    expect(await storedTimes(personKey)).toBeUndefined();
  });

  it('"good morning" after mornings were chosen is a greeting, and keeps what was chosen', async () => {
    const t = tFor('en');
    const { personKey, conversation } = await askTimes('en');
    await conversation.say('mornings');
    const reply = await conversation.say('good morning');
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect(reply.text).toContain(t('whatMatters.times.more'));
    expect(await storedTimes(personKey)).toEqual(['mornings']);
  });

  it('"good morning" at another question is a greeting, as before', async () => {
    const t = tFor('en');
    const personKey = await consentedPerson(repo, 'en', 'barriers-greeting');
    const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'barriers' }, 'webchat');
    await conversation.say('hello');
    const reply = await conversation.say('good morning');
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect((await storedAnswers(database.db, personKey)).barriers).toBeUndefined();
  });
});

describe('by text, through the whole app', () => {
  let sms: SmsApp;
  beforeAll(async () => {
    sms = await startSmsApp();
  });
  afterAll(async () => sms.stop());

  it('"good morning" at "What time of day suits you?" is stored as mornings', async () => {
    const t = tFor('en');
    const from = '+447700900779';
    for (const body of ['hi', 'English', 'yes', 'I get anxious and stay in', 'music', "that's all", 'nothing', 'weekends']) await sms.text(from, body);
    const replies = (await sms.text(from, 'good morning')).join('\n');
    expect(replies).toContain(t('whatMatters.times.more'));
    const referral = await sms.database.db.collection(Collections.referrals).findOne({});
    expect(referral?.answers.times).toEqual(['mornings']);
  });
});
