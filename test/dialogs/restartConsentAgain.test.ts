/**
 * Starting again on a phone unused for more than a day: the person may not be the one who agreed,
 * so the privacy notice and consent come again before the questions (consent kept otherwise).
 */
import { CONSENT_AGAIN_AFTER_MS, RootDialog } from '../../dialogs';
import type { Language } from '../../src/i18n';
import { ServiceDirectory } from '../../src/directory/directory';
import { OfflineRecognizer } from '../../src/nlu';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, LANGUAGES, storedAnswers, tFor, typed, type Turn } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

const locale: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };
const whatMatters: Record<Language, string> = { en: 'I am lonely since my husband died', cy: "Dw i'n unig ers i fy ngŵr farw" };

describe.each(LANGUAGES)('start again after a day (%s)', (lang) => {
  const t = tFor(lang);

  function converse(personKey: string, options: { restart?: boolean; consentAgain?: boolean } = {}) {
    return new Conversation(new RootDialog(repo, config, { directory: new ServiceDirectory(database.db), recognizer: new OfflineRecognizer() }), { personKey, ...options });
  }
  const send = (conversation: Conversation, text: string): Promise<Turn> => conversation.say({ type: 'message', text, locale: locale[lang] });

  /** Someone who agreed and answered "what matters", with nothing stored since `ago`. */
  async function answeredAgo(ago: number): Promise<string> {
    const personKey = await consentedPerson(repo, lang, 'consentAgain');
    await repo.saveAnswer(personKey, 'whatMatters', whatMatters[lang]);
    await database.db.collection(Collections.referrals).updateOne({ personKey }, { $set: { updatedAt: new Date(Date.now() - ago) } });
    return personKey;
  }

  it('"start again" to the welcome back shows the notice and asks consent again, then the questions', async () => {
    const personKey = await answeredAgo(CONSENT_AGAIN_AFTER_MS + 60_000);
    const conversation = converse(personKey);
    await send(conversation, 'hi');
    let turn = await send(conversation, typed[lang].startAgain);
    expect(turn.text).toContain(t('root.startingAgain'));
    expect(turn.text).toContain(t('consent.ask'));
    expect(await storedAnswers(database.db, personKey)).toEqual({});
    turn = await send(conversation, typed[lang].consentYes);
    expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
  });

  it('within a day, the welcome back\'s "start again" keeps the consent and asks the questions straight away', async () => {
    const personKey = await answeredAgo(60 * 60_000);
    const conversation = converse(personKey);
    await send(conversation, 'hi');
    const turn = await send(conversation, typed[lang].startAgain);
    expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
    expect(turn.text).not.toContain(t('consent.ask'));
  });

  it('started with restart and consentAgain: the notice and consent first, the answers cleared', async () => {
    const personKey = await answeredAgo(0);
    const turn = await send(converse(personKey, { restart: true, consentAgain: true }), 'hi');
    expect(turn.text).toContain(t('consent.ask'));
    expect(await storedAnswers(database.db, personKey)).toEqual({});
  });
});
