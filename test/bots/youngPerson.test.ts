/**
 * Someone under the minimum age (18 by default) who says so, through the real turn pipeline
 * (BotWorld: FrontDoorBot, MongoDB bot state and referrals), in English and in Welsh: a kind reply
 * with Childline, no more adult questions, nothing they wrote stored, and only a flag on the referral.
 * Numbers that are not their age ("I'm 14 stone", "my son is 14", a score of 7) change nothing.
 */
import { ActivityTypes, ConversationState, TestAdapter } from 'botbuilder';
import { FrontDoorBot } from '../../bots';
import { ServiceDirectory } from '../../src/directory/directory';
import { translator, type Language, type Translate } from '../../src/i18n';
import { OfflineRecognizer } from '../../src/nlu';
import { ReferralRepository } from '../../src/referrals';
import { MongoBotStorage } from '../../src/store';
import { Collections } from '../../src/store/collections';
import { BotWorld, botConfig, type BotTurn, type Person } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const LANGUAGES: Language[] = ['en', 'cy'];

const typed: Record<Language, { languageName: string; consentYes: string; underAge: string; underAgeLater: string; after: string; human: string; restart: string; crisis: string }> = {
  en: {
    languageName: 'English',
    consentYes: 'Yes',
    underAge: 'im 14 is that ok',
    underAgeLater: 'im 16 can i still do this',
    after: 'I like football and drawing',
    human: 'talk to a person',
    restart: 'start again',
    crisis: 'I want to kill myself',
  },
  cy: {
    languageName: 'Cymraeg',
    consentYes: 'ydy',
    underAge: "dw i'n 14 oed, ydy hynny'n iawn?",
    underAgeLater: "dwi'n 16, ga i wneud hyn o hyd?",
    after: 'Dw i’n hoffi pêl-droed a thynnu lluniau',
    human: 'siarad â pherson',
    restart: 'dechrau eto',
    crisis: 'Dw i eisiau lladd fy hun',
  },
};

/** Answers to "What matters to you?" with numbers in them that are not the person's age. */
const notAnAge: Record<Language, string[]> = {
  en: ["I'm 14 stone and I'd like to get fitter", 'my son is 14 and I need time for me', "I'm 16 miles from town so I'm stuck at home"],
  cy: ["Dw i'n 16 milltir o'r dref felly dw i'n sownd yn y tŷ", "Mae fy mab yn 14 oed a dw i angen amser i fi fy hun"],
};

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  database = await startTestDatabase();
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

const params = { serviceName: botConfig.serviceName, minimumAge: 18 };

function expectYoungPersonReply(turn: BotTurn, t: Translate): void {
  expect(turn.text).toContain(t('root.youngPerson.message', params));
  expect(turn.text).toContain('0800 1111');
  expect(turn.text).toContain('childline.org.uk');
  expect(turn.messages.at(-1)?.text).toContain(t('root.youngPerson.offer'));
  expect(turn.buttons).toEqual([t('root.youngPerson.human.label')]);
  expect(turn.activities.some((a) => (a.channelData as { safety?: string } | undefined)?.safety === 'crisis')).toBe(false);
}

/** The words are in none of the collections that hold people's data, nor in the log. */
async function expectNowhere(text: string): Promise<void> {
  const needle = text.toLowerCase();
  for (const name of [Collections.referrals, Collections.consents, Collections.botState, Collections.handoffs]) {
    const docs = await database.db.collection(name).find({}).toArray();
    expect({ name, found: docs.some((doc) => JSON.stringify(doc).toLowerCase().includes(needle)) }).toEqual({ name, found: false });
  }
  expect(world.log.join('\n').toLowerCase()).not.toContain(needle);
}

async function toConsent(person: Person, lang: Language, t: Translate): Promise<void> {
  await person.say('Hi');
  const turn = await person.say(typed[lang].languageName);
  expect(turn.text).toContain(t('consent.ask'));
}

async function toWhatMatters(person: Person, lang: Language, t: Translate): Promise<void> {
  await toConsent(person, lang, t);
  const turn = await person.say(typed[lang].consentYes);
  expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
}

describe.each(LANGUAGES)('a young person (%s)', (lang) => {
  const t = translator(lang);
  const say = typed[lang];

  it('saying their age at the consent question gets Childline, not "I didn\'t understand", and no more questions', async () => {
    const person = world.person();
    await toConsent(person, lang, t);
    const turn = await person.say(say.underAge);
    expectYoungPersonReply(turn, t);
    expect(turn.text).not.toContain(t('consent.ask'));
    const referral = await person.referral();
    expect(referral?.underMinimumAge).toBe(true);
    expect(referral?.consent).toBeUndefined();
    // Whatever they write next is not taken as an answer: Childline again, and the offer.
    const next = await person.say(say.after);
    expect(next.text).toContain(t('root.youngPerson.reminder', params));
    expect(next.text).toContain(t('root.youngPerson.offer'));
    expect(next.text).not.toContain(t('consent.ask'));
    expect(next.text).not.toContain(t('whatMatters.whatMatters.ask'));
    await expectNowhere(say.underAge);
    await expectNowhere(say.after);
  });

  it('after consent, at "What matters to you?": not stored as the answer; the answers go and consent is withdrawn', async () => {
    const person = world.person();
    await toWhatMatters(person, lang, t);
    const turn = await person.say(say.underAgeLater);
    expectYoungPersonReply(turn, t);
    expect(turn.text).not.toContain(t('whatMatters.interests.ask'));
    const referral = await person.referral();
    expect(referral).toMatchObject({ underMinimumAge: true, answers: {}, wellbeing: {} });
    expect(referral?.consent).toBeUndefined();
    await person.say(say.after);
    expect((await person.referral())?.answers).toEqual({});
    await expectNowhere(say.underAgeLater);
    await expectNowhere(say.after);
    // Only the flag: no age and no words on the referral.
    expect(Object.keys(referral!).filter((key) => /^age|minimumAge/i.test(key))).toEqual(['underMinimumAge']);
  });

  it('can ask to talk to a person (a link worker can signpost young people\'s services)', async () => {
    const person = world.person();
    await toWhatMatters(person, lang, t);
    await person.say(say.underAgeLater);
    const turn = await person.say(say.human);
    expect(turn.text).toContain(t('root.youngPerson.humanDone', params));
    expect(turn.text).not.toContain(t('commands.human.done', params));
    expect(turn.text).toContain(t('root.youngPerson.reminder', params));
    expect(await world.handoffs.activeFor(person.personKey)).not.toBeNull();
    expect((await person.referral())?.underMinimumAge).toBe(true);
  });

  it('crisis words afterwards still get the crisis reply first', async () => {
    const person = world.person();
    await toConsent(person, lang, t);
    await person.say(say.underAge);
    const turn = await person.say(say.crisis);
    expect(turn.activities[0].channelData).toEqual({ safety: 'crisis' });
  });

  it('someone misread can start again, from the welcome, and is asked for consent again', async () => {
    const person = world.person();
    await toWhatMatters(person, lang, t);
    await person.say(say.underAgeLater);
    const turn = await person.say(say.restart);
    expect(turn.text).toContain(t('welcome.language.ask'));
    expect((await person.say(say.languageName)).text).toContain(t('consent.ask'));
  });

  it.each(notAnAge[lang])('%j at "What matters to you?" is their answer, and the questions carry on', async (text) => {
    const person = world.person();
    await toWhatMatters(person, lang, t);
    const turn = await person.say(text);
    expect(turn.text).toContain(t('whatMatters.interests.ask'));
    expect(turn.text).not.toContain('0800 1111');
    const referral = await person.referral();
    expect(referral?.underMinimumAge).toBeUndefined();
    expect((referral?.answers as Record<string, unknown>).whatMatters).toBe(text);
  });
});

it('a Welsh age statement before any language is chosen is answered in Welsh', async () => {
  const person = world.person();
  await person.say('Hi');
  const turn = await person.say("dw i'n 15 oed");
  expectYoungPersonReply(turn, translator('cy'));
});

it('a score of 7 at the wellbeing questions is a score', async () => {
  const person = world.person();
  const t = translator('en');
  await toWhatMatters(person, 'en', t);
  for (const answer of ['I would like to meet people', '2', "that's all", '4', 'no', 'any day', 'any time', 'Cardiff', 'in this chat', 'Jo']) await person.say(answer);
  const turn = await person.say('7');
  expect(turn.text).toContain(t('wellbeing.worthwhile.ask'));
  expect(turn.text).not.toContain('0800 1111');
});

describe('with another MINIMUM_AGE', () => {
  /** The bot as src/app.ts builds it, with only the settings these tests need. */
  let people = 0;
  async function talkTo(minimumAge: number, lines: string[]): Promise<string[]> {
    people += 1;
    const bot = new FrontDoorBot({
      conversationState: new ConversationState(new MongoBotStorage(database.db)),
      referrals: new ReferralRepository(database.db),
      config: botConfig,
      directory: new ServiceDirectory(database.db),
      recognizer: new OfflineRecognizer(),
      personKeyOf: (context) => `minimum-age-${context.activity.from?.id ?? ''}`,
      minimumAge,
      log: () => undefined,
    });
    const adapter = new TestAdapter(TestAdapter.createConversation(`minimum-age-${people}`, `someone-${people}`));
    const replies: string[] = [];
    for (const text of lines) {
      await adapter.processActivity({ type: ActivityTypes.Message, text }, (context) => bot.run(context));
      const turn: string[] = [];
      for (let next = adapter.getNextReply(); next; next = adapter.getNextReply()) if (next.text) turn.push(next.text);
      replies.push(turn.join('\n'));
    }
    return replies;
  }
  const t = translator('en');

  it('0 turns the check off: an age is just an answer', async () => {
    const replies = await talkTo(0, ['Hi', 'English', 'Yes', 'im 14 and i want to meet people']);
    expect(replies[3]).toContain(t('whatMatters.interests.ask'));
    expect(replies[3]).not.toContain('0800 1111');
  });

  it('16: someone of 16 carries on, someone of 15 is pointed to Childline, told the service is for 16 and over', async () => {
    const [, , , sixteen] = await talkTo(16, ['Hi', 'English', 'Yes', 'im 16 and i want to meet people']);
    expect(sixteen).toContain(t('whatMatters.interests.ask'));
    const [, , , fifteen] = await talkTo(16, ['Hi', 'English', 'Yes', 'im 15']);
    expect(fifteen).toContain(t('root.youngPerson.message', { serviceName: botConfig.serviceName, minimumAge: 16 }));
  });
});
