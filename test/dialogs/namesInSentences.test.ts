/**
 * "What would you like us to call you?" is often answered with a sentence: "hi I'm Sam", "Sam
 * here", "Sam ydw i". Only the name is stored, and the summary uses it. Names that look a little
 * like sentences ("Ellie May", "Dafydd ap Gwilym", "Hai Nguyen") are kept exactly as typed, and a
 * greeting alone is greeted back, not stored as a name.
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

async function askName(lang: Language) {
  const personKey = await consentedPerson(repo, lang, 'name-sentence');
  const conversation = new Conversation(new WhatMattersDialog(repo), { personKey, only: 'name' }, 'webchat');
  await conversation.say('hello');
  return { personKey, conversation };
}

const preferredName = async (personKey: string) => (await storedAnswers(database.db, personKey)).preferredName;

describe('a name given in a sentence', () => {
  it.each([
    ['en', "hi I'm Sam", 'Sam'],
    ['en', 'my name is Sam', 'Sam'],
    ['en', "I'm Sam", 'Sam'],
    ['en', 'call me Sam', 'Sam'],
    ['en', "it's Sam", 'Sam'],
    ['en', 'Sam here', 'Sam'],
    ['en', 'Sam thanks', 'Sam'],
    ['en', 'Sam, thank you x', 'Sam'],
    ['en', 'you can call me Sam Jones', 'Sam Jones'],
    ['en', 'Hello, my name is Sam.', 'Sam'],
    ['en', 'hiya Sam here', 'Sam'],
    ['en', 'Hi, Sam', 'Sam'],
    ['en', 'Hai, I am Sam', 'Sam'],
    ['cy', 'Sam ydw i', 'Sam'],
    ['cy', 'Fy enw i yw Sam', 'Sam'],
    ['cy', 'Fy enw i ydy Sam', 'Sam'],
    ['cy', "Galwa fi'n Sam", 'Sam'],
    ['cy', 'Sam dw i', 'Sam'],
    ['cy', 'shwmae, Sam yw fy enw i', 'Sam'],
    ['cy', 'Siân diolch', 'Siân'],
  ] as const)('(%s) "%s" is stored as %s, and the question is over', async (lang, text, name) => {
    const { personKey, conversation } = await askName(lang);
    await conversation.say(text);
    expect(await preferredName(personKey)).toBe(name);
    expect(conversation.finished).toBe(true);
  });
});

describe('a name that only looks like a sentence is kept whole', () => {
  it.each([
    ['en', 'Jo Anne'],
    ['en', 'Mary-Kate'],
    ['en', "O'Neil"],
    ['cy', 'Siân'],
    ['cy', 'Dafydd ap Gwilym'],
    ['en', 'Imani'],
    ['en', 'Ellie May'],
    ['en', 'J'],
    ['en', 'Hai Nguyen'],
    ['en', 'So Yeon'],
    ['en', 'Thankful'],
  ] as const)('(%s) "%s"', async (lang, name) => {
    const { personKey, conversation } = await askName(lang);
    await conversation.say(name);
    expect(await preferredName(personKey)).toBe(name);
  });
});

describe('a greeting alone is not a name', () => {
  it.each([
    ['en', 'hi'],
    ['en', 'hello there'],
    ['cy', 'shwmae'],
  ] as const)('(%s) "%s" is greeted, the question asked again, and no name stored', async (lang, text) => {
    const t = tFor(lang);
    const { personKey, conversation } = await askName(lang);
    const reply = await conversation.say(text);
    expect(reply.text).toContain(t('faq.greetings.reply'));
    expect(reply.text).toContain(t('whatMatters.name.ask'));
    expect(await preferredName(personKey)).toBeUndefined();
  });
});

describe('by text, through the whole app', () => {
  let sms: SmsApp;
  beforeAll(async () => {
    sms = await startSmsApp();
  });
  afterAll(async () => sms.stop());

  it('"hi I\'m Sam" at the last question is stored as Sam, and the summary says Sam', async () => {
    const from = '+447700900778';
    const before = ['hi', 'English', 'yes', 'I get anxious and stay in', 'music', "that's all", 'nothing', 'weekends', 'mornings', "that's all", 'Leeds', 'on here'];
    for (const body of before) await sms.text(from, body);
    await sms.text(from, "hi I'm Sam");
    const referral = await sms.database.db.collection(Collections.referrals).findOne({});
    expect(referral?.answers.preferredName).toBe('Sam');
    let summary = '';
    for (let i = 0; i < 4; i++) summary = (await sms.text(from, 'skip')).join('\n');
    expect(summary).toContain('Sam');
    expect(summary).not.toContain("hi I'm Sam");
  });
});
