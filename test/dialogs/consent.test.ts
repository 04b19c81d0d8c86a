import { CONSENT_NOTICE_VERSION, ConsentDialog } from '../../dialogs';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, Conversation, LANGUAGES, newPersonKey, storedReferral, tFor, typed } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

describe.each(LANGUAGES)('consent (%s)', (lang) => {
  const t = tFor(lang);

  async function start(channelId = 'webchat') {
    const personKey = newPersonKey('consent');
    await repo.getOrCreate(personKey, channelId, lang);
    await repo.setLanguage(personKey, lang);
    const conversation = new Conversation(new ConsentDialog(repo, config), { personKey }, channelId);
    const opening = await conversation.say('hi');
    return { personKey, conversation, opening };
  }

  it('shows a short notice with the privacy link, then asks yes or no', async () => {
    const { opening } = await start();
    // The link opens the notice in the person's language.
    const privacyUrl = lang === 'cy' ? `${config.privacyUrl}?lang=cy` : config.privacyUrl;
    expect(opening.text).toContain(t('consent.notice', { serviceName: config.serviceName, privacyUrl, closedDays: config.closedDays }));
    expect(opening.text).toContain(privacyUrl);
    // How long answers are kept, as the retention job keeps them (RETENTION_CLOSED_DAYS).
    expect(opening.text).toMatch(lang === 'en' ? /while we are helping you, and 30 days after/ : /a 30 diwrnod wedyn/);
    expect(opening.activities.at(-1)!.text).toContain(t('consent.ask'));
    expect(opening.buttons).toEqual([t('consent.yes.label'), t('consent.no.label')]);
  });

  const saidNaturally = { en: "yes that's fine", cy: "ydy, mae hynny'n iawn" }[lang];
  it.each([typed[lang].consentYes, typed[lang].yes, '1', 'OK', saidNaturally])('stores the consent record on "%s"', async (answer) => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say(answer);
    expect(reply.text).toContain(t('consent.thanks'));
    expect(conversation.result).toEqual({ consented: true });
    const record = await database.db.collection(Collections.consents).findOne({ personKey });
    expect(record).toMatchObject({ personKey, noticeVersion: CONSENT_NOTICE_VERSION, channel: 'webchat', answer: 'yes' });
    expect(record!.recordedAt).toBeInstanceOf(Date);
    expect(await storedReferral(database.db, personKey)).toMatchObject({ consent: { noticeVersion: CONSENT_NOTICE_VERSION } });
  });

  it('on "no" keeps nothing about the person, counts it anonymously and says where else to get help', async () => {
    const { personKey, conversation } = await start();
    const countBefore = await database.db.collection(Collections.counters).find({ channel: 'webchat' }).toArray();
    const reply = await conversation.say(typed[lang].no);
    // The dialog stays with them, so a later message is answered kindly and a yes carries on.
    expect(conversation.finished).toBe(false);
    expect(reply.text).toContain(t('consent.declined'));
    expect(reply.text).toContain('116 123');
    expect(reply.text).toContain('111');
    expect(reply.text).toContain('999');
    expect(await storedReferral(database.db, personKey)).toBeNull();
    expect(await database.db.collection(Collections.consents).countDocuments({ personKey })).toBe(0);
    const counters = await database.db.collection(Collections.counters).find({ channel: 'webchat' }).toArray();
    const total = (list: typeof counters) => list.reduce((sum, c) => sum + (c.count as number), 0);
    expect(total(counters)).toBe(total(countBefore) + 1);
    expect(JSON.stringify(counters)).not.toContain(personKey);
  });

  it('asks again when the answer is neither yes nor no', async () => {
    const { personKey, conversation } = await start();
    const reply = await conversation.say('maybe later?');
    expect(reply.text).toContain(t('common.notUnderstood'));
    expect(reply.text).toContain(t('consent.ask'));
    expect(conversation.finished).toBe(false);
    expect(await database.db.collection(Collections.consents).countDocuments({ personKey })).toBe(0);
  });
});
