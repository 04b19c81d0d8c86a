/**
 * "English" or "Cymraeg" as the very first message is the answer to "Which language?" given before
 * it was asked: the welcome (a bot, not for emergencies) comes in that language, then the privacy
 * notice and consent, without asking the language again. Through the real turn pipeline.
 */
import { translator, type Language } from '../../src/i18n';
import { BotWorld, botConfig } from '../helpers/botHarness';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let world: BotWorld;

beforeAll(async () => {
  database = await startTestDatabase();
  world = await BotWorld.create(database.db);
});
afterAll(async () => database.stop());

const en = translator('en');
const cy = translator('cy');

describe.each([
  ['English', 'en'],
  ['english please', 'en'],
  ['Welsh', 'cy'],
  ['Cymraeg', 'cy'],
  ['cymraeg plis', 'cy'],
] as const)('"%s" as the first message', (first, lang: Language) => {
  const t = translator(lang);

  it('gives the welcome in that language and goes on to the privacy notice, without asking the language', async () => {
    const person = world.person();
    const turn = await person.say(first);
    expect(turn.text).toContain(t('welcome.intro', { serviceName: botConfig.serviceName }));
    expect(turn.text).toContain(t('welcome.emergency'));
    expect(turn.text).not.toContain(en('welcome.language.ask'));
    expect(turn.text).not.toContain(cy('welcome.language.ask'));
    expect(turn.messages.at(-1)?.text).toContain(t('consent.ask'));
    // The language is the person's choice; nothing else is kept before they agree.
    expect(await person.referral()).toMatchObject({ lang, languageChosen: true, answers: {} });
    expect(await person.consents()).toEqual([]);
  });

  it('the next answer is the answer to the consent question', async () => {
    const person = world.person();
    await person.say(first);
    const turn = await person.say(lang === 'cy' ? 'ydy' : 'yes');
    expect(turn.messages.at(-1)?.text).toContain(t('whatMatters.whatMatters.ask'));
    expect(await person.consents()).toHaveLength(1);
  });
});

it('"hi" first still asks which language', async () => {
  const turn = await world.person().say('hi');
  expect(turn.messages.at(-1)?.text).toContain(en('welcome.language.ask'));
});
