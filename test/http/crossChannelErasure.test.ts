/**
 * "Delete my data" by text, from the number a web chatter gave for follow-up texts: the reply to the
 * check-in speaks for the web chatter, so their whole referral goes (answers, consent, handoff, web
 * chat transcript, follow-ups and contacts), and no follow-up text goes to them afterwards.
 */
import { loadSampleDirectoryIfEmpty } from '../../src/directory';
import { Collections } from '../../src/store/collections';
import { answerJourney, openWebChatter } from '../channels/directline/client';
import { JOURNEY } from '../fixtures/journey';
import { londonTime, startSmsApp, type SmsApp } from '../helpers/smsApp';

/** The number the journey gives (07700 900123). */
const PERSON = '+447700900123';

let sms: SmsApp;

beforeAll(async () => {
  sms = await startSmsApp(
    { FOLLOWUP_QUIET_START: londonTime(-3), FOLLOWUP_QUIET_END: londonTime(3), LINKWORKER_HOURS: 'always' },
    (database) => loadSampleDirectoryIfEmpty(database.db, () => undefined),
    // The whole journey is typed faster than a person types: past web chat's per-conversation message limit.
    { directLine: { limits: { perConversation: { capacity: 200, perSecond: 50 } } } },
  );
  // The test drives the worker itself.
  await sms.app.followUps.worker!.stop();
});
afterAll(async () => sms?.stop());

it('"delete my data" texted in reply to a check-in erases the web chatter who gave the number, and no more texts go', async () => {
  const { app, fake, database } = sms;
  const db = database.db;
  const chatter = await openWebChatter(app.url);
  const { conversation, stream } = chatter;
  try {
    await answerJourney(chatter, JOURNEY);
  } finally {
    stream.close();
  }
  const webChat = { conversationId: conversation.conversationId };
  expect(await db.collection(Collections.referrals).countDocuments({})).toBe(1);
  expect(await db.collection(Collections.handoffs).countDocuments({})).toBe(1);
  expect(await db.collection(Collections.directlineActivities).countDocuments(webChat)).toBeGreaterThan(0);

  // The check-in goes to the number they gave; they answer it with "delete my data", and confirm.
  await db.collection(Collections.followUps).updateOne({ kind: 'referralCheckIn' }, { $set: { dueAt: new Date(Date.now() - 1000) } });
  expect((await app.followUps.worker!.runOnce()).sent).toBe(1);
  expect((await sms.text(PERSON, 'delete my data')).join('\n')).toMatch(/delete everything you've told me/);
  expect((await sms.text(PERSON, '1')).join('\n')).toMatch(/deleted your answers/);

  // Everything of theirs is gone, in web chat as well as by text.
  for (const name of [Collections.referrals, Collections.consents, Collections.handoffs, Collections.followUps, Collections.followUpContacts]) {
    expect({ [name]: await db.collection(name).countDocuments({}) }).toEqual({ [name]: 0 });
  }
  expect(await db.collection(Collections.directlineActivities).countDocuments(webChat)).toBe(0);
  expect(await db.collection(Collections.botState).countDocuments({ _id: new RegExp(`^webchat/conversations/${conversation.conversationId}/`) as never })).toBe(0);

  // Six weeks on, nothing is left to send.
  const before = fake.messages.length;
  expect((await app.followUps.worker!.runOnce()).sent).toBe(0);
  expect(fake.messages.slice(before)).toEqual([]);
}, 180_000);
