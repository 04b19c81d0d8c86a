/**
 * Someone who writes Polish, Arabic, Urdu... at "Which language?" is told plainly (in English, Welsh
 * and, where we can, their own language) that the chat is English or Welsh only and a person with
 * an interpreter can help; the language is kept on the referral for the link worker. Nobody loops
 * on "Sorry, I didn't understand that".
 */
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

const OFFER = 'welcome.language.onlyEnglishOrWelsh';

describe.each(LANGUAGES)('another language at the welcome (%s)', (lang) => {
  const t = tFor(lang);
  const lineIn = (code: string) => t(`welcome.language.other.${code}.line`);

  async function start(first = 'hello', channelId = 'test') {
    const personKey = newPersonKey('other-language');
    await repo.getOrCreate(personKey, channelId, lang);
    const conversation = new Conversation(new WelcomeDialog(repo, config), { personKey }, channelId);
    const opening = await conversation.say(first);
    return { personKey, conversation, opening };
  }

  it.each([
    ['polski', 'pl'],
    ['Polish', 'pl'],
    ['عربي', 'ar'],
    ['مرحبا', 'ar'],
    ['urdu', 'ur'],
    ['اردو', 'ur'],
    ['română', 'ro'],
    ['español', 'es'],
    ['português', 'pt'],
    ['bengali', 'bn'],
    ['punjabi', 'pa'],
    ['somali', 'so'],
    ['Türkçe', 'tr'],
    ['中文', 'zh'],
  ])('"%s": says it chats only in English or Welsh, offers a person with an interpreter, in their language too', async (message, code) => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say(message);
    expect(reply.text).toContain(lineIn(code));
    expect(reply.text).toContain(t(OFFER));
    expect(reply.text).toContain('PERSON');
    expect(reply.text).not.toContain(t('welcome.language.notUnderstood'));
    expect(reply.text).toContain(t('welcome.language.ask'));
    expect(reply.buttons).toEqual(['English', 'Cymraeg']);
    expect(conversation.finished).toBe(false);
    expect(await storedReferral(database.db, personKey)).toMatchObject({ interpreterLanguage: code });
  });

  it('"interpreter": the offer in English and Welsh, with the language not known', async () => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say('interpreter');
    expect(reply.text).toContain(t(OFFER));
    expect(await storedReferral(database.db, personKey)).toMatchObject({ interpreterLanguage: 'und' });
  });

  it('"interpreter" after "polski" keeps Polish', async () => {
    const { personKey, conversation } = await start();
    await conversation.say('polski');
    await conversation.say('interpreter');
    expect(await storedReferral(database.db, personKey)).toMatchObject({ interpreterLanguage: 'pl' });
  });

  it('a first message in another language ("Dzień dobry") gets the offer with the welcome, before the question', async () => {
    const { personKey, opening } = await start('Dzień dobry');
    expect(opening.text).toContain(t('welcome.intro', { serviceName: config.serviceName }));
    expect(opening.text).toContain(lineIn('pl'));
    expect(opening.text).toContain(t(OFFER));
    expect(opening.text.indexOf(t(OFFER))).toBeLessThan(opening.text.lastIndexOf(t('welcome.language.ask')));
    expect(await storedReferral(database.db, personKey)).toMatchObject({ interpreterLanguage: 'pl' });
  });

  it('after two messages it cannot read, offers the interpreter instead of "Sorry" again and again', async () => {
    const { personKey, conversation } = await start();
    const first = await conversation.say('Guten Tag');
    expect(first.text).toContain(t('welcome.language.notUnderstood'));
    for (const message of ['Deutsch bitte', 'ja', 'bitte']) {
      const reply = await conversation.say(message);
      expect(reply.text).toContain(t(OFFER));
      expect(reply.text).not.toContain(t('welcome.language.notUnderstood'));
    }
    // Nothing named a language: none is recorded.
    expect(await storedReferral(database.db, personKey)).not.toHaveProperty('interpreterLanguage');
  });

  it('over SMS the offer still comes, with the choices numbered', async () => {
    const { conversation } = await start('hello', 'sms');
    const reply = await conversation.say('polski');
    expect(reply.text).toContain(lineIn('pl'));
    expect(reply.text).toContain(t(OFFER));
    expect(reply.text).toContain('1. English');
  });

  it.each([
    ['English', 'en'],
    ['Cymraeg', 'cy'],
    ['shwmae', 'cy'],
  ] as const)('after the offer, "%s" still chooses the language', async (answer, expected) => {
    const { conversation } = await start();
    await conversation.say('polski');
    await conversation.say(answer);
    expect(conversation.result).toEqual({ language: expected });
  });
});
