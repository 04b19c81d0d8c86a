/** After a no to consent: kind replies in the person's language, nothing stored, and a yes later carries on. */
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

describe.each(LANGUAGES)('after saying no to consent (%s)', (lang) => {
  const t = tFor(lang);

  async function declined(channelId = 'webchat') {
    const personKey = newPersonKey('declined');
    await repo.getOrCreate(personKey, channelId, lang);
    await repo.setLanguage(personKey, lang);
    const conversation = new Conversation(new ConsentDialog(repo, config), { personKey }, channelId);
    await conversation.say('hi');
    const reply = await conversation.say(typed[lang].no);
    return { personKey, conversation, reply };
  }

  it('says on web chat that the chat is deleted, and how to change their mind', async () => {
    const { reply } = await declined();
    expect(reply.text).toContain(t('consent.declinedWebChat'));
    expect(reply.text).toMatch(lang === 'en' ? /within 24 hours/ : /o fewn 24 awr/);
    expect(reply.text).toMatch(lang === 'en' ? /just type yes/ : /teipiwch ydy/);
    // The transcript clears itself on this mark (src/channels/directline/transcript.ts).
    expect(reply.activities.at(-1)!.channelData).toEqual({ consent: 'declined' });
  });

  it('does not talk about a web chat deleted on a channel without one', async () => {
    const { reply } = await declined('sms');
    expect(reply.text).toContain(t('consent.declined'));
    expect(reply.text).not.toContain(t('consent.declinedWebChat'));
  });

  it.each([['my name is Zebedee Quarm and I live at KX1 2DL'], ['I feel so alone'], ['hello?']])(
    'answers "%s" kindly in their language, without asking the language or the notice again',
    async (said) => {
      const { personKey, conversation } = await declined();
      const reply = await conversation.say(said);
      expect(reply.text).toBe(t('consent.afterDeclined'));
      expect(reply.text).not.toContain(t('welcome.language.ask'));
      expect(conversation.finished).toBe(false);
      expect(await storedReferral(database.db, personKey)).toBeNull();
      expect(JSON.stringify(await database.db.collection(Collections.referrals).find().toArray())).not.toContain('Zebedee');
    },
  );

  it('carries on when they say yes later: the consent is recorded then', async () => {
    const { personKey, conversation } = await declined();
    await conversation.say('not sure');
    const reply = await conversation.say(typed[lang].consentYes);
    expect(reply.text).toContain(t('consent.thanks'));
    expect(reply.activities.at(-1)!.channelData).toEqual({ consent: 'given' });
    expect(conversation.result).toEqual({ consented: true });
    expect(await storedReferral(database.db, personKey)).toMatchObject({ lang, consent: { noticeVersion: CONSENT_NOTICE_VERSION } });
    expect(await database.db.collection(Collections.consents).countDocuments({ personKey, answer: 'yes' })).toBe(1);
  });

  it('saying no again gets the same kind reply, and still nothing is stored', async () => {
    const { personKey, conversation } = await declined();
    const reply = await conversation.say(typed[lang].no);
    expect(reply.text).toBe(t('consent.afterDeclined'));
    expect(await database.db.collection(Collections.consents).countDocuments({ personKey })).toBe(0);
  });
});
