import { WelcomeDialog } from '../../dialogs';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, Conversation, LANGUAGES, newPersonKey, storedReferral, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

describe.each(LANGUAGES)('welcome (%s)', (lang) => {
  const t = tFor(lang);

  async function start(channelId = 'test') {
    const personKey = newPersonKey('welcome');
    await repo.getOrCreate(personKey, channelId, lang);
    const conversation = new Conversation(new WelcomeDialog(repo, config), { personKey }, channelId);
    const opening = await conversation.say('hello');
    return { personKey, conversation, opening };
  }

  it('says it is an automated assistant for the service, not for emergencies, and offers English or Cymraeg', async () => {
    const { opening } = await start();
    expect(opening.activities).toHaveLength(3);
    expect(opening.text).toContain(t('welcome.intro', { serviceName: config.serviceName }));
    expect(opening.text).toContain(config.serviceName);
    expect(opening.text).toContain('999');
    expect(opening.text).toContain('111');
    expect(opening.text).toContain(t('common.wayOut'));
    expect(opening.text).toContain(t('welcome.language.ask'));
    expect(opening.buttons).toEqual(['English', 'Cymraeg']);
  });

  it.each([
    ['Cymraeg', 'cy'],
    ['welsh', 'cy'],
    ['2', 'cy'],
    ['English', 'en'],
    ['saesneg', 'en'],
    ['1', 'en'],
  ] as const)('remembers the language when the person answers "%s"', async (answer, expected) => {
    const { personKey, conversation } = await start();
    await conversation.say(answer);
    expect(conversation.finished).toBe(true);
    expect(conversation.result).toEqual({ language: expected });
    expect(await storedReferral(database.db, personKey)).toMatchObject({ lang: expected, languageChosen: true });
  });

  it('asks again, kindly, when the answer is not a language', async () => {
    const { conversation } = await start();
    const reply = await conversation.say('French');
    expect(reply.text).toContain(t('common.notUnderstood'));
    expect(reply.text).toContain(t('welcome.language.ask'));
    expect(reply.text).toContain(t('common.wayOut'));
    expect(conversation.finished).toBe(false);
  });

  it('lists the choices with numbers over SMS, where there are no buttons', async () => {
    const { opening, conversation } = await start('sms');
    const last = opening.activities.at(-1)!;
    expect(last.suggestedActions).toBeUndefined();
    expect(last.text).toContain('1. English');
    expect(last.text).toContain('2. Cymraeg');
    await conversation.say('2');
    expect(conversation.result).toEqual({ language: 'cy' });
  });

  it('over SMS offers PAUSE as the break and says STOP stops all texts (STOP is the opt-out word there)', async () => {
    const { opening, conversation } = await start('sms');
    expect(opening.text).toContain(`${t('welcome.emergency')}\n${t('common.wayOutSms')}`);
    expect(opening.text).not.toContain(t('common.wayOut'));
    const reply = await conversation.say('French');
    expect(reply.text).toContain(t('common.wayOutSms'));
    expect(reply.text).not.toMatch(/type help or stop|deipio help neu stop/);
  });

  it('ignores a typing indicator', async () => {
    const { conversation } = await start();
    const reply = await conversation.say({ type: 'typing' });
    expect(reply.activities).toHaveLength(0);
    expect(conversation.finished).toBe(false);
  });
});
