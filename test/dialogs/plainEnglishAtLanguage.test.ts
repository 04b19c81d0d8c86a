/**
 * At "Which language?", words plainly in English ("feeling lonely") choose English, even after a
 * first miss: an English speaker is not offered an interpreter. A real other language still is.
 * Through the real turn pipeline.
 */
import { translator } from '../../src/i18n';
import { BotWorld, type Person } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  database = await startTestDatabase();
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

const en = translator('en');
const OFFER = 'welcome.language.onlyEnglishOrWelsh';

async function atTheLanguageQuestion(): Promise<Person> {
  const person = world.person();
  await person.say('hi');
  return person;
}

describe('plainly English at "Which language?"', () => {
  it.each(['feeling lonely', 'i need help with my money', "I've been feeling really low since my wife died", 'my friend told me to use this'])(
    'after a first miss, "%s" chooses English and the conversation goes on in English',
    async (message) => {
      const person = await atTheLanguageQuestion();
      await person.say('hmm');
      const turn = await person.say(message);
      expect(turn.text).not.toContain(en(OFFER));
      expect(turn.messages.at(-1)?.text).toContain(en('consent.ask'));
      expect(await person.referral()).toMatchObject({ lang: 'en', languageChosen: true });
    },
  );

  it.each(['feeling lonely', 'i need help with my money'])('at once, "%s" chooses English', async (message) => {
    const person = await atTheLanguageQuestion();
    const turn = await person.say(message);
    expect(turn.messages.at(-1)?.text).toContain(en('consent.ask'));
  });

  it('"what is this?" twice: asked again first, then English, never the interpreter offer', async () => {
    const person = await atTheLanguageQuestion();
    const first = await person.say('what is this?');
    expect(first.text).toContain(en('welcome.language.notUnderstood'));
    const second = await person.say('what is this?');
    expect(second.text).not.toContain(en(OFFER));
    expect(second.messages.at(-1)?.text).toContain(en('consent.ask'));
  });

  it.each(['Guten Tag', 'no hablo ingles', 'je ne parle pas anglais', 'I speak French', 'ja bitte'])(
    'a second message that is not plainly English ("%s") still gets the interpreter offer',
    async (message) => {
      const person = await atTheLanguageQuestion();
      await person.say('hmm');
      const turn = await person.say(message);
      expect(turn.text).toContain(en(OFFER));
      expect(await person.referral()).toMatchObject({ languageChosen: false });
    },
  );
});
