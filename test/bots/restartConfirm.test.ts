/**
 * "Start again" when answers are stored asks first ("Start again? This clears the answers..."),
 * through the real turn pipeline, in English and in Welsh. After a day with nothing stored, the
 * phone may be in someone else's hands: the privacy notice and consent come again.
 */
import { translator, type Language, type Translate } from '../../src/i18n';
import { CONSENT_AGAIN_AFTER_MS } from '../../dialogs';
import { Collections } from '../../src/store/collections';
import { BotWorld, type BotTurn, type Person } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const LANGUAGES: Language[] = ['en', 'cy'];

const typed = {
  en: { hello: 'Hi', language: 'English', consentYes: 'Yes', consentNo: 'no', whatMatters: 'I am a carer and I am exhausted', done: "that's all", no: 'no', days: 'any day', times: 'any time', town: 'Cardiff', contact: 'in this chat', restart: 'start again', help: 'help', crisis: 'I want to kill myself', carryOn: 'Carry on' },
  cy: { hello: 'Helo', language: 'Cymraeg', consentYes: 'ydy', consentNo: 'na', whatMatters: "Dw i'n ofalwr ac wedi blino'n lân", done: "dyna'r cyfan", no: 'na', days: 'unrhyw ddiwrnod', times: 'unrhyw bryd', town: 'Caerdydd', contact: 'yn y sgwrs hon', restart: 'dechrau eto', help: 'cymorth', crisis: 'Dw i eisiau lladd fy hun', carryOn: 'Parhau' },
} as const;

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  database = await startTestDatabase();
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

function expectAsked(turn: BotTurn, t: Translate, key: string): void {
  expect(turn.messages.at(-1)?.text).toContain(t(key));
}

/** A person who has agreed and answered up to the first wellbeing question (Mary stopping there). */
async function answeredUpToWellbeing(person: Person, lang: Language): Promise<void> {
  const say = typed[lang];
  for (const text of [say.hello, say.language, say.consentYes, say.whatMatters, '2', say.done, '4', say.no, say.days, say.times, say.town, say.contact, 'Mary']) {
    await person.say(text);
  }
}

/** As if the last answer was given this long ago. */
async function lastStoredAgo(person: Person, ms: number): Promise<void> {
  await database.db.collection(Collections.referrals).updateOne({ personKey: person.personKey }, { $set: { updatedAt: new Date(Date.now() - ms) } });
}

async function answers(person: Person): Promise<Record<string, unknown>> {
  return ((await person.referral())!.answers ?? {}) as Record<string, unknown>;
}

describe.each(LANGUAGES)('start again with answers stored (%s)', (lang) => {
  const t = translator(lang);
  const say = typed[lang];
  const choices = () => [t('commands.restart.yes.label'), t('commands.restart.no.label')];

  it('asks first; "No, carry on" keeps every answer and asks the waiting question again', async () => {
    const person = world.person();
    await answeredUpToWellbeing(person, lang);
    let turn = await person.say(say.restart);
    expect(turn.text).toContain(t('commands.restart.confirm'));
    expect(turn.text).not.toContain(t('commands.restart.done'));
    expect(turn.buttons).toEqual(choices());
    expect((await answers(person)).preferredName).toBe('Mary');

    turn = await person.say(t('commands.restart.no.label'));
    expect(turn.messages[0].text).toBe(t('commands.resume.done'));
    expectAsked(turn, t, 'wellbeing.lifeSatisfaction.ask');
    expect(await answers(person)).toMatchObject({ preferredName: 'Mary', whatMatters: say.whatMatters });

    // The question is still the wellbeing one: a score answers it.
    turn = await person.say('5');
    expectAsked(turn, t, 'wellbeing.worthwhile.ask');
  });

  it('"Yes, start again" clears the answers, keeps the consent and begins the questions again', async () => {
    const person = world.person();
    await answeredUpToWellbeing(person, lang);
    await person.say(say.restart);
    const turn = await person.say(t('commands.restart.yes.label'));
    expect(turn.messages[0].text).toBe(t('commands.restart.done'));
    expectAsked(turn, t, 'whatMatters.whatMatters.ask');
    expect(await person.referral()).toMatchObject({ answers: {}, wellbeing: {}, lang, consent: { noticeVersion: expect.any(String) } });
    expect(await person.consents()).toHaveLength(1);
  });

  it('takes numbers and typed words: "2" is no, "start again" typed again is yes', async () => {
    const person = world.person();
    await answeredUpToWellbeing(person, lang);
    await person.say(say.restart);
    let turn = await person.say('2');
    expect(turn.messages[0].text).toBe(t('commands.resume.done'));
    expect((await answers(person)).preferredName).toBe('Mary');

    await person.say(say.restart);
    turn = await person.say(say.restart);
    expect(turn.messages[0].text).toBe(t('commands.restart.done'));
    expect(await answers(person)).toEqual({});
  });

  it('while the question waits, crisis support comes first and help still works; the question is asked again after', async () => {
    const person = world.person();
    await answeredUpToWellbeing(person, lang);
    await person.say(say.restart);

    let turn = await person.say(say.crisis);
    expect(turn.activities[0].channelData).toEqual({ safety: 'crisis' });
    turn = await person.say(say.carryOn);
    expect(turn.messages[0].text).toBe(t('commands.resume.done'));
    expectAsked(turn, t, 'commands.restart.confirm');

    turn = await person.say(say.help);
    expect(turn.messages[0].text).toBe(t('commands.help'));
    expectAsked(turn, t, 'commands.restart.confirm');
    expect((await answers(person)).preferredName).toBe('Mary');

    turn = await person.say('1');
    expect(turn.messages[0].text).toBe(t('commands.restart.done'));
    expect(await answers(person)).toEqual({});
  });

  it('with nothing stored yet, starts again at once without asking', async () => {
    const person = world.person();
    for (const text of [say.hello, say.language, say.consentYes]) await person.say(text);
    const turn = await person.say(say.restart);
    expect(turn.messages[0].text).toBe(t('commands.restart.done'));
    expect(turn.text).not.toContain(t('commands.restart.confirm'));
    expectAsked(turn, t, 'whatMatters.whatMatters.ask');
  });

  it('after more than a day, says consent will be asked again, then shows the notice and asks it (a shared phone)', async () => {
    const person = world.person();
    await answeredUpToWellbeing(person, lang);
    await lastStoredAgo(person, CONSENT_AGAIN_AFTER_MS + 60_000);
    // Someone else on the same phone.
    await person.say(say.whatMatters);
    let turn = await person.say(say.restart);
    expect(turn.text).toContain(t('commands.restart.confirmConsentAgain'));
    expect(turn.buttons).toEqual(choices());

    turn = await person.say('1');
    expect(turn.messages[0].text).toBe(t('commands.restart.done'));
    expectAsked(turn, t, 'consent.ask');
    expect(await answers(person)).toEqual({});

    turn = await person.say(say.consentYes);
    expectAsked(turn, t, 'whatMatters.whatMatters.ask');
    expect(await person.consents()).toEqual([expect.objectContaining({ answer: 'yes' }), expect.objectContaining({ answer: 'yes' })]);
  });

  it('after a "no" to the consent asked again, start again asks for consent again, never carrying on under the old one', async () => {
    const person = world.person();
    await answeredUpToWellbeing(person, lang);
    await lastStoredAgo(person, CONSENT_AGAIN_AFTER_MS + 60_000);
    await person.say(say.restart);
    await person.say('1');
    let turn = await person.say(say.consentNo);
    expect(turn.text).toContain(t('consent.declined'));
    // The No withdraws the earlier consent: nothing is left under it.
    expect(await person.referral()).toBeNull();

    // Nothing is kept after that No, not even the language: start again begins at the very start.
    turn = await person.say(say.restart);
    expect(turn.messages[0].text).toBe(t('commands.restart.done'));
    expect(turn.messages.at(-1)?.text).toMatch(/Which language would you like to use\?/);
  });

  it('within a day, a restart keeps the consent without asking it again', async () => {
    const person = world.person();
    await answeredUpToWellbeing(person, lang);
    await lastStoredAgo(person, CONSENT_AGAIN_AFTER_MS - 60 * 60_000);
    const turn = await person.say(say.restart);
    expect(turn.text).toContain(t('commands.restart.confirm'));
    expect(turn.text).not.toContain(t('commands.restart.confirmConsentAgain'));
  });
});
