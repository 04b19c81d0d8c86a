/**
 * The real turn pipeline (bots/FrontDoorBot) as src/app.ts wires it: MongoBotStorage +
 * ConversationState and the ReferralRepository on a test database reached through the driver,
 * driven through botbuilder's TestAdapter. Asserts what a person would notice and what is stored,
 * in English and in Welsh; expected texts come from the locales.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import { MAX_MESSAGE_CHARS } from '../../bots';
import { translator, type Language, type Translate, type TranslationParams } from '../../src/i18n';
import { Collections } from '../../src/store/collections';
import { BotWorld, botConfig, type BotTurn, type Person } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const LANGUAGES: Language[] = ['en', 'cy'];
const otherThan = (lang: Language): Language => (lang === 'en' ? 'cy' : 'en');
const tFor = (lang: Language): Translate => translator(lang);

/** The global commands as a person would type them, in each language. */
const words: Record<Language, Record<'help' | 'restart' | 'stop' | 'resume' | 'human' | 'delete' | 'changeLanguage' | 'languageName', string>> = {
  en: {
    help: 'help',
    restart: 'start again',
    stop: 'stop',
    resume: 'carry on',
    human: 'talk to a person',
    delete: 'delete my data',
    changeLanguage: 'change language',
    languageName: 'English',
  },
  cy: {
    help: 'cymorth',
    restart: 'dechrau eto',
    stop: 'stopio',
    resume: 'parhau',
    human: 'siarad â pherson',
    delete: 'dileu fy nata',
    changeLanguage: 'newid iaith',
    languageName: 'Cymraeg',
  },
};

/** Answers as a person would type them, in each language. */
const typed: Record<Language, { hello: string; consentYes: string; whatMatters: string; done: string; no: string; days: string; times: string; town: string; contact: string; confirm: string }> = {
  en: {
    hello: 'Hi',
    consentYes: 'Yes',
    whatMatters: 'I would like to meet people and get out of the house more',
    done: "that's all",
    no: 'no',
    days: 'any day',
    times: 'any time',
    town: 'Cardiff',
    contact: 'in this chat',
    confirm: 'yes, send it',
  },
  cy: {
    hello: 'Helo',
    consentYes: 'ydy',
    whatMatters: "Dw i eisiau cwrdd â phobl a mynd allan o'r tŷ yn fwy aml",
    done: "dyna'r cyfan",
    no: 'na',
    days: 'unrhyw ddiwrnod',
    times: 'unrhyw bryd',
    town: 'Caerdydd',
    contact: 'yn y sgwrs hon',
    confirm: 'ydy, anfonwch e',
  },
};

/** Crisis language in each language (from the labelled set in test/fixtures/crisis). */
const crisisText: Record<Language, string> = { en: 'I want to kill myself', cy: 'Dw i eisiau lladd fy hun' };

/** Points of the journey where commands and crisis are tried. */
type Point = 'consent' | 'whatMatters' | 'wellbeing' | 'summary';
const POINTS: Point[] = ['consent', 'whatMatters', 'wellbeing', 'summary'];

/** The question waiting at each point. */
const waiting: Record<Point, string> = {
  consent: 'consent.ask',
  whatMatters: 'whatMatters.interests.ask',
  wellbeing: 'wellbeing.worthwhile.ask',
  summary: 'summary.ask',
};

/** An answer to the waiting question that works in any language, and what comes after it. */
const answerAt: Record<Point, { text: string; next: string; params?: TranslationParams }> = {
  consent: { text: '1', next: 'whatMatters.whatMatters.ask' },
  whatMatters: { text: '2', next: 'whatMatters.interests.more' },
  wellbeing: { text: '6', next: 'wellbeing.happiness.ask' },
  summary: { text: '1', next: 'summary.nextSteps.chat', params: { days: botConfig.nextStepsDays } },
};

/** The whole journey: what the person says, the question that follows, and where the points are. */
function journey(lang: Language): { say: string; asked: string; askedIn?: Language; reaches?: Point }[] {
  const say = typed[lang];
  return [
    // No language is known yet (no locale is sent): the welcome speaks English and offers Cymraeg.
    { say: say.hello, asked: 'welcome.language.ask', askedIn: 'en' },
    { say: words[lang].languageName, asked: 'consent.ask', reaches: 'consent' },
    { say: say.consentYes, asked: 'whatMatters.whatMatters.ask' },
    { say: say.whatMatters, asked: 'whatMatters.interests.ask', reaches: 'whatMatters' },
    { say: '2', asked: 'whatMatters.interests.more' },
    { say: say.done, asked: 'whatMatters.barriers.ask' },
    { say: '4', asked: 'whatMatters.barriers.more' },
    { say: say.no, asked: 'whatMatters.days.ask' },
    { say: say.days, asked: 'whatMatters.times.ask' },
    { say: say.times, asked: 'whatMatters.place.ask' },
    { say: say.town, asked: 'whatMatters.contact.ask' },
    { say: say.contact, asked: 'whatMatters.name.ask' },
    { say: 'Jo', asked: 'wellbeing.lifeSatisfaction.ask' },
    { say: '5', asked: 'wellbeing.worthwhile.ask', reaches: 'wellbeing' },
    { say: '6', asked: 'wellbeing.happiness.ask' },
    { say: '7', asked: 'wellbeing.anxiety.ask' },
    { say: '4', asked: 'summary.ask', reaches: 'summary' },
  ];
}

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  database = await startTestDatabase();
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

/** The last message of the turn is this question (asked, or asked again). */
function expectAsked(turn: BotTurn, t: Translate, key: string, params?: TranslationParams): void {
  expect(turn.messages.at(-1)?.text).toContain(t(key, params));
}

/** Takes a new person through the journey until `point`, checking each question on the way. */
async function journeyTo(person: Person, lang: Language, point: Point): Promise<void> {
  for (const step of journey(lang)) {
    const turn = await person.say(step.say);
    expectAsked(turn, tFor(step.askedIn ?? lang), step.asked);
    if (step.reaches === point) return;
  }
  throw new Error(`journey never reached ${point}`);
}

/** Everything stored about the person: referral, consent records and this conversation's bot state. */
async function stored(person: Person) {
  return { referral: await person.referral(), consents: await person.consents() };
}

const collectionsWithPeople = [Collections.referrals, Collections.consents, Collections.botState];

/** The person's words are stored in none of the collections that hold people's data, nor logged. */
async function expectNowhere(text: string): Promise<void> {
  const needle = text.toLowerCase();
  for (const name of collectionsWithPeople) {
    const docs = await database.db.collection(name).find({}).toArray();
    for (const doc of docs) {
      const flat = JSON.stringify(doc).toLowerCase();
      expect({ collection: name, found: flat.includes(needle) || flat.includes(JSON.stringify(needle).slice(1, -1)) }).toEqual({
        collection: name,
        found: false,
      });
    }
  }
  expect(world.log.join('\n').toLowerCase()).not.toContain(needle);
}

function expectCrisisReply(turn: BotTurn, t: Translate): void {
  // Support is the very first thing sent, before anything else of the turn.
  const [support, offer] = turn.activities;
  expect(turn.activities).toHaveLength(2);
  expect(support.type).toBe(ActivityTypes.Message);
  expect(support.channelData).toEqual({ safety: 'crisis' });
  for (const number of ['999', '111', '116 123', '85258']) expect(support.text).toContain(number);
  expect(support.text).toBe(`${t('crisis.message')}\n${t('crisis.urgentNoted', { serviceName: botConfig.serviceName })}`);
  expect(offer.text).toContain(t('crisis.offer'));
  expect(turn.buttons).toEqual([t('crisis.choices.carryOn'), t('crisis.choices.human')]);
}

describe.each(LANGUAGES)('the turn pipeline (%s)', (lang) => {
  const t = tFor(lang);
  const other = otherThan(lang);
  const tOther = tFor(other);
  /** Command words in the person's language at some points and in the other at the rest. */
  const wordsAt = (point: Point): Language => (POINTS.indexOf(point) % 2 === 0 ? lang : other);

  describe('global commands', () => {
    it.each(POINTS)('at %s: help, in English and in Welsh words, shows the help and then the same question', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      const before = await stored(person);
      for (const w of LANGUAGES) {
        const turn = await person.say(words[w].help);
        expect(turn.messages).toHaveLength(2);
        expect(turn.messages[0].text).toBe(t('commands.help'));
        expectAsked(turn, t, waiting[point]);
      }
      expect(await stored(person)).toEqual(before);
      const turn = await person.say(answerAt[point].text);
      expectAsked(turn, t, answerAt[point].next, answerAt[point].params);
    });

    it.each(POINTS)('at %s: start again clears the answers, keeps the consent and begins the questions again', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      let turn = await person.say(words[wordsAt(point)].restart);
      if (point !== 'consent') {
        // Answers are stored: it asks first, and "1" (Yes, start again) starts again.
        expectAsked(turn, t, 'commands.restart.confirm');
        turn = await person.say('1');
      }
      expect(turn.messages[0].text).toBe(t('commands.restart.done'));
      const referral = (await person.referral())!;
      if (point === 'consent') {
        // No consent yet: the beginning is the welcome.
        expectAsked(turn, t, 'welcome.language.ask');
        expect(referral.consent).toBeUndefined();
        expect(await person.consents()).toHaveLength(0);
        return;
      }
      expectAsked(turn, t, 'whatMatters.whatMatters.ask');
      expect(referral).toMatchObject({ answers: {}, wellbeing: {}, status: 'inProgress', lang, consent: { noticeVersion: expect.any(String) } });
      expect(await person.consents()).toEqual([expect.objectContaining({ answer: 'yes' })]);
      const next = await person.say(typed[lang].whatMatters);
      expectAsked(next, t, 'whatMatters.interests.ask');
      expect(((await person.referral())!.answers as Record<string, unknown>).whatMatters).toBe(typed[lang].whatMatters);
    });

    it.each(POINTS)('at %s: stop pauses, deletes nothing, and a later message asks the same question again without being taken as the answer', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      const before = await stored(person);

      let turn = await person.say(words[lang].stop);
      expect(turn.text).toBe(t('commands.stop.done'));
      expect(turn.messages).toHaveLength(1);
      expect(await stored(person)).toEqual(before);
      expect(await person.botState()).not.toBeNull();

      // Later, a message that would have answered the question.
      turn = await person.say(answerAt[point].text);
      expect(turn.messages[0].text).toBe(t('commands.resume.done'));
      expectAsked(turn, t, waiting[point]);
      expect(await stored(person)).toEqual(before);

      // Stop and carry on, in the other language's words.
      turn = await person.say(words[other].stop);
      expect(turn.text).toBe(t('commands.stop.done'));
      turn = await person.say(words[other].resume);
      expect(turn.messages[0].text).toBe(t('commands.resume.done'));
      expectAsked(turn, t, waiting[point]);
      expect(await stored(person)).toEqual(before);

      // Now an answer is an answer again.
      turn = await person.say(answerAt[point].text);
      expectAsked(turn, t, answerAt[point].next, answerAt[point].params);
    });

    it.each(POINTS)('at %s: after stop, help asks the question again and the next answer is taken', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      await person.say(words[lang].stop);
      let turn = await person.say(words[other].help);
      expect(turn.messages[0].text).toBe(t('commands.help'));
      expectAsked(turn, t, waiting[point]);
      turn = await person.say(answerAt[point].text);
      expectAsked(turn, t, answerAt[point].next, answerAt[point].params);
    });

    const askedAgainWhilePaused: [string, string | Partial<Activity>, string][] = [
      ['talk to a person', words[lang].human, 'commands.human.done'],
      ['an empty message', { type: ActivityTypes.Message, text: '' }, 'common.needText'],
      ['a very long message', 'a'.repeat(MAX_MESSAGE_CHARS + 1), 'common.tooLong'],
    ];
    it.each(askedAgainWhilePaused)('after stop, %s asks the question again and the next answer is taken', async (_, input, replyKey) => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      await person.say(words[lang].stop);
      let turn = await person.say(input);
      expect(turn.messages[0].text).toBe(t(replyKey, { serviceName: botConfig.serviceName }));
      expectAsked(turn, t, waiting.whatMatters);
      turn = await person.say('2');
      expectAsked(turn, t, 'whatMatters.interests.more');
      expect((await person.referral())!.answers).toMatchObject({ interests: { chosen: ['outdoors'] } });
    });

    it('after stop, delete my data takes the answer to its confirmation', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      await person.say(words[lang].stop);
      let turn = await person.say(words[lang].delete);
      expectAsked(turn, t, 'commands.delete.confirm');
      turn = await person.say(typed[lang].no);
      expect(turn.messages[0].text).toBe(t('commands.delete.cancelled'));
      expectAsked(turn, t, waiting.whatMatters);
      await person.say(words[lang].stop);
      await person.say(words[other].delete);
      turn = await person.say(t('commands.delete.yes.label'));
      expect(turn.text).toBe(t('commands.delete.done'));
      expect(await person.referral()).toBeNull();
    });

    it.each(POINTS)('at %s: "carry on" when nothing is paused asks the same question again', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      const turn = await person.say(words[wordsAt(point)].resume);
      expect(turn.messages[0].text).toBe(t('commands.resume.done'));
      expectAsked(turn, t, waiting[point]);
    });

    it.each(POINTS)('at %s: talk to a person is recorded on the referral and the question is asked again', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      const before = (await person.referral())!;
      expect(before.humanRequestedAt).toBeUndefined();
      const turn = await person.say(words[wordsAt(point)].human);
      expect(turn.messages[0].text).toBe(t('commands.human.done', { serviceName: botConfig.serviceName }));
      expectAsked(turn, t, waiting[point]);
      const after = (await person.referral())!;
      expect(after.humanRequestedAt).toBeInstanceOf(Date);
      expect(after.answers).toEqual(before.answers);
      expect(world.log.join('\n')).not.toContain(person.userId);
    });

    it.each(POINTS)('at %s: change language asks later questions in the new language and stores it', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      const answersBefore = (await person.referral())!.answers;

      // Naming the other language switches straight away.
      let turn = await person.say(words[other].languageName);
      expect(turn.messages[0].text).toBe(tOther('commands.language.done'));
      expectAsked(turn, tOther, waiting[point]);
      expect(await person.referral()).toMatchObject({ lang: other, answers: answersBefore });

      // "Change language" in the words of the language left behind asks which.
      turn = await person.say(words[lang].changeLanguage);
      expectAsked(turn, tOther, 'commands.language.ask');
      expect(turn.buttons).toEqual(['English', 'Cymraeg']);
      turn = await person.say(words[other].languageName);
      expect(turn.messages[0].text).toBe(tOther('commands.language.done'));
      expectAsked(turn, tOther, waiting[point]);

      // The next question comes in the new language too.
      turn = await person.say(answerAt[point].text);
      expectAsked(turn, tOther, answerAt[point].next, answerAt[point].params);
      expect((await person.referral())!.lang).toBe(other);

      // And back again, by the other language's name for it.
      turn = await person.say(lang === 'en' ? 'Saesneg' : 'Welsh');
      expect(turn.messages[0].text).toBe(t('commands.language.done'));
      expect((await person.referral())!.lang).toBe(lang);
    });

    it.each(POINTS)('at %s: delete my data asks first; "no" keeps everything; "yes" erases it all but an anonymous log entry', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      const before = await stored(person);
      expect(before.referral).not.toBeNull();
      expect(await person.botState()).not.toBeNull();

      let turn = await person.say(words[wordsAt(point)].delete);
      expectAsked(turn, t, 'commands.delete.confirm');
      expect(turn.buttons).toEqual([t('commands.delete.yes.label'), t('commands.delete.no.label')]);
      turn = await person.say(typed[lang].no);
      expect(turn.messages[0].text).toBe(t('commands.delete.cancelled'));
      expectAsked(turn, t, waiting[point]);
      expect(await stored(person)).toEqual(before);

      const erasures = database.db.collection(Collections.erasures);
      const erasuresBefore = await erasures.countDocuments();
      turn = await person.say(words[otherThan(wordsAt(point))].delete);
      expectAsked(turn, t, 'commands.delete.confirm');
      turn = await person.say(t('commands.delete.yes.label'));
      expect(turn.text).toBe(t('commands.delete.done'));

      expect(await person.referral()).toBeNull();
      expect(await person.consents()).toHaveLength(0);
      expect(await person.botState()).toBeNull();
      expect(await erasures.countDocuments()).toBe(erasuresBefore + 1);
      const entry = (await erasures.find({}).sort({ erasedAt: -1 }).limit(1).toArray())[0];
      expect(entry).toMatchObject({ channel: 'test', referralsDeleted: 1, consentsDeleted: point === 'consent' ? 0 : 1 });
      expect(entry.personKey).toBeUndefined();
      expect(JSON.stringify(entry)).not.toContain(person.personKey);
      expect(JSON.stringify(entry)).not.toContain(person.userId);
      for (const name of collectionsWithPeople) {
        const left = await database.db.collection(name).find({}).toArray();
        expect(JSON.stringify(left)).not.toContain(person.personKey);
        expect(JSON.stringify(left)).not.toContain(person.conversationId);
      }

      // Whatever comes next starts afresh, as for someone new.
      turn = await person.say(typed[lang].hello);
      expect(turn.text).toContain('999');
      expect(turn.buttons).toEqual(['English', 'Cymraeg']);
    });
  });

  describe('crisis', () => {
    it('before the welcome: support first, the referral flagged by rule, and then the welcome', async () => {
      // Web Chat sends the browser's language; nothing else is known yet.
      const person = world.person({ locale: lang === 'cy' ? 'cy-GB' : 'en-GB' });
      let turn = await person.say(crisisText[lang]);
      expectCrisisReply(turn, t);
      const referral = (await person.referral())!;
      expect(referral.urgent).toEqual({ rule: expect.any(String), flaggedAt: expect.any(Date) });
      await expectNowhere(crisisText[lang]);
      expect(world.log.some((line) => line.includes((referral.urgent as { rule: string }).rule))).toBe(true);

      turn = await person.say(words[lang].resume);
      expect(turn.messages[0].text).toBe(t('commands.resume.done'));
      expect(turn.text).toContain(t('welcome.intro', { serviceName: botConfig.serviceName }));
      expectAsked(turn, t, 'welcome.language.ask');
      turn = await person.say(words[lang].languageName);
      expectAsked(turn, t, 'consent.ask');
      turn = await person.say(typed[lang].consentYes);
      expectAsked(turn, t, 'whatMatters.whatMatters.ask');
      expect(await person.referral()).toMatchObject({ urgent: referral.urgent, consent: { noticeVersion: expect.any(String) } });
    });

    it.each(POINTS)('at %s: support at once, the place kept, and "carry on" asks the same question again', async (point) => {
      const person = world.person();
      await journeyTo(person, lang, point);
      const before = (await person.referral())!;
      let turn = await person.say(crisisText[lang]);
      expectCrisisReply(turn, t);
      const after = (await person.referral())!;
      expect(after.urgent).toEqual({ rule: expect.any(String), flaggedAt: expect.any(Date) });
      expect(after.answers).toEqual(before.answers);
      expect(after.wellbeing).toEqual(before.wellbeing);
      expect(after.status).toBe('inProgress');
      await expectNowhere(crisisText[lang]);

      turn = await person.say(t('crisis.choices.carryOn'));
      expect(turn.messages[0].text).toBe(t('commands.resume.done'));
      expectAsked(turn, t, waiting[point]);
      turn = await person.say(answerAt[point].text);
      expectAsked(turn, t, answerAt[point].next, answerAt[point].params);
    });

    it('mid-question, answering the waiting question straight after the crisis reply still works', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'wellbeing');
      expectCrisisReply(await person.say(crisisText[lang]), t);
      const turn = await person.say('6');
      expectAsked(turn, t, 'wellbeing.happiness.ask');
      expect(await person.referral()).toMatchObject({ wellbeing: { lifeSatisfaction: 5, worthwhile: 6 }, urgent: { rule: expect.any(String) } });
    });

    it('in the other language\'s words: support in the person\'s own language', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      expectCrisisReply(await person.say(crisisText[other]), t);
      expect((await person.referral())!.urgent).toEqual({ rule: expect.any(String), flaggedAt: expect.any(Date) });
      await expectNowhere(crisisText[other]);
    });

    it('"talk to a person" from the crisis offer is recorded on the referral', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      await person.say(crisisText[lang]);
      const turn = await person.say(t('crisis.choices.human'));
      expect(turn.messages[0].text).toBe(t('commands.human.done', { serviceName: botConfig.serviceName }));
      expectAsked(turn, t, waiting.whatMatters);
      expect(await person.referral()).toMatchObject({ humanRequestedAt: expect.any(Date), urgent: { rule: expect.any(String) } });
    });

    it('"2" straight after the crisis reply is its "talk to a person", not an answer to the waiting consent question', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'consent');
      await person.say(crisisText[lang]);
      const turn = await person.say('2');
      expect(turn.messages[0].text).toBe(t('commands.human.done', { serviceName: botConfig.serviceName }));
      expectAsked(turn, t, waiting.consent);
      expect(await person.referral()).toMatchObject({ humanRequestedAt: expect.any(Date), urgent: { rule: expect.any(String) } });
      expect(await person.consents()).toEqual([]);
    });

    it('saying no to consent after crisis words is told honestly that the crisis message is kept for the team', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'consent');
      await person.say(crisisText[lang]);
      await person.say('1');
      const turn = await person.say(typed[lang].no);
      expect(turn.text).toContain(t('consent.declinedAfterCrisis'));
      expect(turn.text).not.toContain(t('consent.declined'));
      expect(await person.referral()).toMatchObject({ urgent: { rule: expect.any(String) } });
    });

    it('"1" straight after the crisis reply carries on with the waiting question; a later "1" answers that question', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'wellbeing');
      await person.say(crisisText[lang]);
      let turn = await person.say('1');
      expect(turn.messages[0].text).toBe(t('commands.resume.done'));
      expectAsked(turn, t, waiting.wellbeing);
      turn = await person.say('1');
      expectAsked(turn, t, 'wellbeing.happiness.ask');
      expect(await person.referral()).toMatchObject({ wellbeing: { worthwhile: 1 } });
    });

    it('"how long will it take?" asked back at a question is answered with the configured days, and nothing is stored', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      const before = await stored(person);
      const turn = await person.say(lang === 'en' ? 'how long will it take?' : "pa mor hir fydd e'n cymryd?");
      expect(turn.text).toContain(t('faq.questions.howLong.answer', { days: botConfig.nextStepsDays }));
      expectAsked(turn, t, waiting.whatMatters);
      expect(await stored(person)).toEqual(before);
    });

    it('"talk to a person" as the very first message: it is recorded, then the welcome says this is a bot', async () => {
      const person = world.person();
      const turn = await person.say(words[lang].human);
      // No language is known yet: English first, as the welcome.
      expect(turn.messages[0].text).toBe(tFor('en')('commands.human.done', { serviceName: botConfig.serviceName }));
      expect(turn.text).toContain(tFor('en')('welcome.intro', { serviceName: botConfig.serviceName }));
      expectAsked(turn, tFor('en'), 'welcome.language.ask');
      expect(await person.referral()).toMatchObject({ humanRequestedAt: expect.any(Date) });
    });

    it('crisis as the very first message: support in the language of the words; then "1" begins the welcome in it', async () => {
      const person = world.person();
      expectCrisisReply(await person.say(crisisText[lang]), t);
      const turn = await person.say('1');
      expectAsked(turn, t, 'welcome.language.ask');
    });

    it('while the delete confirmation is waiting: support, nothing deleted, and the confirmation asked again', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      await person.say(words[lang].delete);
      const before = await stored(person);

      let turn = await person.say(crisisText[lang]);
      expectCrisisReply(turn, t);
      const after = await stored(person);
      expect(after.referral).toMatchObject({ answers: before.referral!.answers, urgent: { rule: expect.any(String) } });
      expect(after.consents).toEqual(before.consents);
      await expectNowhere(crisisText[lang]);

      turn = await person.say(words[lang].resume);
      expectAsked(turn, t, 'commands.delete.confirm');
      turn = await person.say(typed[lang].no);
      expect(turn.messages[0].text).toBe(t('commands.delete.cancelled'));
      expectAsked(turn, t, waiting.whatMatters);
      expect((await person.referral())!.answers).toEqual(before.referral!.answers);
      expect(await person.consents()).toHaveLength(1);
    });

    it('while paused after stop: support at once, and "carry on" picks up the waiting question', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'wellbeing');
      await person.say(words[lang].stop);
      expectCrisisReply(await person.say(crisisText[lang]), t);
      const turn = await person.say(t('crisis.choices.carryOn'));
      expectAsked(turn, t, waiting.wellbeing);
    });
  });

  describe('words that look like commands but are answers', () => {
    it('"English" or "Cymraeg" at the welcome\'s language question is the answer', async () => {
      const person = world.person();
      let turn = await person.say(typed[lang].hello);
      expectAsked(turn, tFor('en'), 'welcome.language.ask');
      turn = await person.say(words[lang].languageName);
      expect(turn.text).not.toContain(t('commands.language.done'));
      expect(turn.text).toContain(t('consent.notice', { serviceName: botConfig.serviceName, privacyUrl: botConfig.privacyUrl, closedDays: botConfig.closedDays }));
      expectAsked(turn, t, 'consent.ask');
      expect(await person.referral()).toMatchObject({ lang, languageChosen: true });
    });

    it('"Carry on" at "welcome back" is the answer', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      person.newConversation();
      let turn = await person.say(typed[lang].hello);
      expectAsked(turn, t, 'root.welcomeBack.ask');
      turn = await person.say(t('root.welcomeBack.carryOn.label'));
      expect(turn.text).not.toContain(t('commands.resume.done'));
      expectAsked(turn, t, 'whatMatters.interests.ask');
    });

    it('"stop" inside a longer sentence is the what-matters answer, stored word for word', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'consent');
      await person.say(typed[lang].consentYes);
      const answer = lang === 'en' ? 'I want to stop feeling lonely' : "Dw i eisiau stopio teimlo'n unig";
      const turn = await person.say(answer);
      expect(turn.text).not.toContain(t('commands.stop.done'));
      expectAsked(turn, t, 'whatMatters.interests.ask');
      expect((await person.referral())!.answers).toEqual({ whatMatters: answer });
    });
  });

  describe('a returning person', () => {
    it('after a restart, the same conversation carries on from the waiting question', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      world.restart();
      let turn = await person.say('2');
      expectAsked(turn, t, 'whatMatters.interests.more');
      world.restart();
      turn = await person.say(typed[lang].done);
      expectAsked(turn, t, 'whatMatters.barriers.ask');
      expect((await person.referral())!.answers).toMatchObject({ interests: { chosen: ['outdoors'] } });
    });

    it('after a restart, a new conversation is welcomed back and resumes at the first unanswered question', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'wellbeing');
      world.restart();
      person.newConversation();
      let turn = await person.joins();
      expectAsked(turn, t, 'root.welcomeBack.askNamed', { name: 'Jo' });
      expect(turn.buttons).toEqual([t('root.welcomeBack.carryOn.label'), t('root.welcomeBack.startAgain.label')]);
      turn = await person.say(t('root.welcomeBack.carryOn.label'));
      expectAsked(turn, t, 'wellbeing.worthwhile.ask');
      turn = await person.say('6');
      expectAsked(turn, t, 'wellbeing.happiness.ask');
    });

    it('after sending the answers, is told they are with the team', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'summary');
      let turn = await person.say(typed[lang].confirm);
      expect(turn.text).toContain(t('summary.nextSteps.chat', { days: botConfig.nextStepsDays }));
      expect(await person.referral()).toMatchObject({ status: 'ready', readyAt: expect.any(Date) });
      world.restart();
      person.newConversation();
      turn = await person.say(typed[lang].hello);
      expect(turn.text).toBe(t('root.alreadySent', { serviceName: botConfig.serviceName }));
    });
  });

  describe('input that is not typed words', () => {
    const nonMessages: Partial<Activity>[] = [
      { type: ActivityTypes.Typing },
      { type: ActivityTypes.MessageReaction, reactionsAdded: [{ type: 'like' }] },
      { type: ActivityTypes.Event, name: 'webchat/join', value: {} },
      { type: ActivityTypes.EndOfConversation },
      { type: ActivityTypes.InstallationUpdate, action: 'add' },
      { type: ActivityTypes.MessageUpdate, text: 'edited' },
      { type: ActivityTypes.MessageDelete },
      { type: 'somethingNew' },
      // Only the bot joined: nobody to greet.
      { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'Bot' }], recipient: { id: 'bot', name: 'Bot' } },
    ];

    it('a person joining (Web Chat\'s conversation update) is welcomed, and their first words answer the welcome', async () => {
      const person = world.person();
      let turn = await person.joins();
      expect(turn.text).toContain(tFor('en')('welcome.intro', { serviceName: botConfig.serviceName }));
      expectAsked(turn, tFor('en'), 'welcome.language.ask');
      turn = await person.say(words[lang].languageName);
      expectAsked(turn, t, 'consent.ask');
    });

    it('non-message activities get no reply and store nothing', async () => {
      const person = world.person();
      for (const activity of nonMessages) {
        const turn = await person.say(activity);
        expect({ type: activity.type, replies: turn.activities }).toEqual({ type: activity.type, replies: [] });
      }
      expect(await person.referral()).toBeNull();
    });

    it('non-message activities mid-question get no reply and leave the question waiting', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      const before = await stored(person);
      for (const activity of nonMessages) {
        const turn = await person.say(activity);
        expect({ type: activity.type, replies: turn.activities }).toEqual({ type: activity.type, replies: [] });
      }
      expect(await stored(person)).toEqual(before);
      expectAsked(await person.say('2'), t, 'whatMatters.interests.more');
    });

    it('an empty message, blank text or a picture gets the "typed words" reply and the question again', async () => {
      const person = world.person();
      await journeyTo(person, lang, 'whatMatters');
      const before = await stored(person);
      const inputs: Partial<Activity>[] = [
        { type: ActivityTypes.Message, text: '' },
        { type: ActivityTypes.Message, text: '   ' },
        { type: ActivityTypes.Message, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.test/cat.png' }] },
      ];
      for (const input of inputs) {
        const turn = await person.say(input);
        expect(turn.messages[0].text).toBe(t('common.needText'));
        expectAsked(turn, t, waiting.whatMatters);
      }
      expect(await stored(person)).toEqual(before);
    });

    it('an empty first message gets the "typed words" reply', async () => {
      const person = world.person();
      const turn = await person.say({ type: ActivityTypes.Message, text: '' });
      expect(turn.messages[0].text).toBe(tFor('en')('common.needText'));
    });
  });
});
