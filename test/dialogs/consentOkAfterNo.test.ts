/**
 * After a no to consent, "ok", "fine", "iawn" accept the no: nothing is stored and the kind reply
 * comes again. Only a clear yes ("yes", "I've changed my mind", "cewch") changes it. At the
 * question itself, "ok" is still a yes.
 */
import { ConsentDialog } from '../../dialogs';
import type { Language } from '../../src/i18n';
import { translator } from '../../src/i18n';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import { sendTurn, textsOf } from '../helpers/appProcess';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, Conversation, LANGUAGES, newPersonKey, storedReferral, tFor, typed } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

/** Ways of accepting the no, mixed or unclear ones too: none of them is consent. */
const acceptingTheNo: Record<Language, string[]> = {
  en: ['ok', 'OK.', 'ok thanks', 'okay then', 'fine', 'alright', "that's fine", 'thanks', 'no worries', 'yeah ok', 'yes fine', '1'],
  cy: ['iawn', 'ocê', 'ia iawn', 'ie iawn', 'iawn diolch', 'diolch', "mae hynny'n iawn", "mae'n iawn", 'grêt', 'ok', '1'],
};

/** Clear ways of saying they have changed their mind. */
const clearYes: Record<Language, string[]> = {
  en: ['yes', 'Yes please', 'yeah', 'yep', 'sure', "I've changed my mind", 'you can keep it', 'ok yes', 'yes thanks'],
  cy: ['ie', 'ydw', 'ydy', 'cewch', 'gewch chi gadw', 'dw i wedi newid fy meddwl', 'ie plis', 'yes'],
};

/** What they might type to the consent question itself, meaning yes. */
const okAtTheQuestion: Record<Language, string[]> = { en: ['ok', 'fine'], cy: ['iawn', 'ocê'] };

describe.each(LANGUAGES)('"ok" after saying no to consent (%s)', (lang) => {
  const t = tFor(lang);

  async function start() {
    const personKey = newPersonKey('ok-after-no');
    await repo.getOrCreate(personKey, 'webchat', lang);
    await repo.setLanguage(personKey, lang);
    const conversation = new Conversation(new ConsentDialog(repo, config), { personKey }, 'webchat');
    await conversation.say('hi');
    return { personKey, conversation };
  }

  const consentsOf = (personKey: string) => database.db.collection(Collections.consents).countDocuments({ personKey, answer: 'yes' });

  it.each(acceptingTheNo[lang])('"%s" gets the kind reply again, and nothing is stored', async (said) => {
    const { personKey, conversation } = await start();
    await conversation.say(typed[lang].no);
    const reply = await conversation.say(said);
    expect(reply.text).toBe(t('consent.afterDeclined'));
    expect(reply.text).not.toContain(t('consent.thanks'));
    expect(reply.text).not.toContain(t('consent.ask'));
    expect(conversation.finished).toBe(false);
    expect(await consentsOf(personKey)).toBe(0);
    expect(await storedReferral(database.db, personKey)).toBeNull();
  });

  it.each(clearYes[lang])('"%s" changes their mind: consent is recorded', async (said) => {
    const { personKey, conversation } = await start();
    await conversation.say(typed[lang].no);
    const reply = await conversation.say(said);
    expect(reply.text).toBe(t('consent.thanks'));
    expect(conversation.result).toEqual({ consented: true });
    expect(await consentsOf(personKey)).toBe(1);
  });

  it('a clear yes still works after an "ok"', async () => {
    const { personKey, conversation } = await start();
    await conversation.say(typed[lang].no);
    await conversation.say(acceptingTheNo[lang][0]);
    const reply = await conversation.say(typed[lang].consentYes);
    expect(reply.text).toBe(t('consent.thanks'));
    expect(await consentsOf(personKey)).toBe(1);
  });

  it.each(okAtTheQuestion[lang])('"%s" to the consent question itself is still a yes', async (said) => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say(said);
    expect(reply.text).toBe(t('consent.thanks'));
    expect(await consentsOf(personKey)).toBe(1);
  });
});

describe('"ok" after no, through the whole app', () => {
  let running: AppOnTestDatabase | undefined;
  beforeAll(async () => {
    running = await startAppOnTestDatabase();
  });
  afterAll(async () => running?.stop());

  const journeys = {
    en: { start: ['hi', 'English', 'no'], ok: 'ok', yes: 'yes' },
    cy: { start: ['helo', 'Cymraeg', 'na'], ok: 'iawn', yes: 'ydy' },
  } as const;

  it.each(LANGUAGES)('in %s, "ok" stores no consent and a later yes does', async (lang) => {
    const t = translator(lang);
    const say = async (text: string) => textsOf(await sendTurn(running!.app.url, `ok-after-no-${lang}`, text));
    const consents = running!.t.db.collection(Collections.consents);
    const yesBefore = await consents.countDocuments({ answer: 'yes' });
    for (const text of journeys[lang].start) await say(text);

    const afterOk = await say(journeys[lang].ok);
    expect(afterOk).toContain(t('consent.afterDeclined'));
    expect(afterOk).not.toContain(t('consent.thanks'));
    expect(await consents.countDocuments({ answer: 'yes' })).toBe(yesBefore);

    const afterYes = await say(journeys[lang].yes);
    expect(afterYes).toContain(t('consent.thanks'));
    expect(await consents.countDocuments({ answer: 'yes' })).toBe(yesBefore + 1);
  });
});
