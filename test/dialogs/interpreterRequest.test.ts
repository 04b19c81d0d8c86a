/**
 * Someone who writes in another language at "Which language?" and asks for a person (PERSON, or
 * their own word for interpreter, "tłumacz") is told in their language that a person will contact
 * them with an interpreter; the request reaches the team's queue with the language; more words in
 * their language are thanked, not offered the interpreter again. Through the real turn pipeline.
 */
import { translator, type Language } from '../../src/i18n';
import { BotWorld, botConfig, type Person } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  database = await startTestDatabase();
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

const OFFER = 'welcome.language.onlyEnglishOrWelsh';
const COMING = 'welcome.language.interpreterComing';

describe.each(['en', 'cy'] as Language[])('asking for a person with an interpreter (device language %s)', (lang) => {
  const t = translator(lang);
  const personComingIn = (code: string) => t(`welcome.language.other.${code}.personComing`);

  async function atTheLanguageQuestion(): Promise<Person> {
    const person = world.person({ locale: lang === 'cy' ? 'cy-GB' : 'en-GB' });
    await person.say('hi');
    return person;
  }

  async function expectAskedForPerson(person: Person, code: string): Promise<void> {
    expect(await person.referral()).toMatchObject({ interpreterLanguage: code, humanRequestedAt: expect.any(Date) });
    expect(await world.handoffs.activeFor(person.personKey)).toMatchObject({ status: 'open', reasons: [{ reason: 'askedForPerson' }] });
  }

  it('after "polski" then PERSON: a line in Polish says a person will contact them with an interpreter', async () => {
    const person = await atTheLanguageQuestion();
    await person.say('polski');
    const turn = await person.say('PERSON');
    expect(turn.text).toContain(t('commands.human.done', { serviceName: botConfig.serviceName }));
    expect(turn.text).toContain(personComingIn('pl'));
    expect(turn.messages.at(-1)?.text).toContain(t('welcome.language.ask'));
    await expectAskedForPerson(person, 'pl');
  });

  it('after asking, more Polish is thanked, not offered the interpreter again', async () => {
    const person = await atTheLanguageQuestion();
    await person.say('polski');
    await person.say('PERSON');
    for (const message of ['Dzień dobry', 'dziękuję']) {
      const turn = await person.say(message);
      expect(turn.text).toContain(personComingIn('pl'));
      expect(turn.text).toContain(t(COMING));
      expect(turn.text).not.toContain(t(OFFER));
      expect(turn.text).not.toContain(t('welcome.language.other.pl.line'));
    }
    // One handoff, asked for once.
    expect((await world.handoffs.activeFor(person.personKey))?.reasons).toHaveLength(1);
  });

  it.each([
    ['tłumacz', 'pl'],
    ['potrzebuję tłumacza', 'pl'],
    ['مترجم', 'ar'],
    ['traducător', 'ro'],
    ['traductor', 'es'],
    ['tradutor', 'pt'],
    ['দোভাষী', 'bn'],
    ['ਦੁਭਾਸ਼ੀਆ', 'pa'],
    ['turjubaan', 'so'],
    ['tercüman', 'tr'],
    ['翻译', 'zh'],
  ])('"%s" (interpreter) asks for a person at once, and says so in their language', async (message, code) => {
    const person = await atTheLanguageQuestion();
    const turn = await person.say(message);
    expect(turn.text).toContain(t('commands.human.done', { serviceName: botConfig.serviceName }));
    expect(turn.text).toContain(personComingIn(code));
    expect(turn.text).not.toContain(t(OFFER));
    expect(turn.messages.at(-1)?.text).toContain(t('welcome.language.ask'));
    await expectAskedForPerson(person, code);
  });

  it('after "tłumacz", the next Polish message is thanked, not asked for again', async () => {
    const person = await atTheLanguageQuestion();
    await person.say('tłumacz');
    const turn = await person.say('tłumacz');
    expect(turn.text).toContain(personComingIn('pl'));
    expect(turn.text).toContain(t(COMING));
    expect(turn.text).not.toContain(t('commands.human.done', { serviceName: botConfig.serviceName }));
    expect((await world.handoffs.activeFor(person.personKey))?.reasons).toHaveLength(1);
  });

  it('they can still choose English after asking', async () => {
    const person = await atTheLanguageQuestion();
    await person.say('tłumacz');
    const turn = await person.say('English');
    expect(turn.messages.at(-1)?.text).toContain(translator('en')('consent.ask'));
    expect(await person.referral()).toMatchObject({ lang: 'en', languageChosen: true, interpreterLanguage: 'pl' });
  });
});
