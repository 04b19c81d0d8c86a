/**
 * A check-in falls due while a link worker is holding the person's chat: it waits (the person's
 * "1" is for the link worker, not a check-in answer), and goes out once the chat has ended.
 * The whole application by SMS: signed webhooks in, texts out to a fake Twilio.
 */
import { FollowUpContacts } from '../../src/followups/contacts';
import { HandoffRepository } from '../../src/handoff/repository';
import { translator } from '../../src/i18n';
import { derivePersonKey } from '../../src/identity/personKey';
import { getOrCreateSecret } from '../../src/store';
import { Collections } from '../../src/store/collections';
import { londonTime, startSmsApp, type SmsApp } from '../helpers/smsApp';

const PERSON = '+447700900611';
const LINK_WORKER = { id: '0123456789abcdef01234567', email: 'lw@example.org' };
const en = translator('en');

let sms: SmsApp;

beforeAll(async () => {
  sms = await startSmsApp({ LINKWORKER_HOURS: 'always', FOLLOWUP_QUIET_START: londonTime(-3), FOLLOWUP_QUIET_END: londonTime(3) });
  // The test drives the worker itself.
  await sms.app.followUps.worker!.stop();
});
afterAll(async () => sms?.stop());

const text = async (body: string) => (await sms.text(PERSON, body)).join('\n');

it('no check-in while a link worker holds the chat: "1" reaches the link worker; the check-in goes after the chat', async () => {
  const { app, database, fake } = sms;
  for (const say of ['hello', 'English', 'yes']) await text(say);
  await text('talk to a person');
  const numberKey = app.sms!.numberKey(PERSON);
  const personKey = derivePersonKey(await getOrCreateSecret(database.db, 'personKey'), 'sms', numberKey);
  const handoffs = new HandoffRepository(database.db);
  const handoff = (await handoffs.activeFor(personKey))!;
  expect(handoff).not.toBeNull();
  await handoffs.claim(handoff._id, LINK_WORKER);

  // The referral's check-in falls due during the chat.
  await new FollowUpContacts(database.db).remember(numberKey, personKey);
  await app.followUps.schedule.scheduleForReferral(personKey, new Date(Date.now() - 8 * 24 * 3_600_000), { ons4Weeks: 52 });
  const before = fake.messages.length;
  const run = await app.followUps.worker!.runOnce();
  expect(run.sent).toBe(0);
  expect(fake.messages.slice(before).filter((m) => m.to === PERSON)).toEqual([]);
  const waiting = await database.db.collection(Collections.followUps).findOne({ personKey, kind: 'referralCheckIn' });
  expect(waiting).toMatchObject({ status: 'pending' });
  expect(waiting!.dueAt.getTime()).toBeGreaterThan(Date.now());

  // The person's "1" is for the link worker.
  expect(await text('1')).not.toContain(en('followups.thanks.went'));
  const held = (await handoffs.get(handoff._id))!;
  expect(held.transcript.filter((e) => e.from === 'person').map((e) => e.text)).toContain('1');

  // The chat ends; when the check-in is next due it goes out.
  await handoffs.close(handoff._id, LINK_WORKER, { outcome: 'contacted' });
  await database.db.collection(Collections.followUps).updateOne({ personKey, kind: 'referralCheckIn' }, { $set: { dueAt: new Date(Date.now() - 1000) } });
  const after = fake.messages.length;
  expect((await app.followUps.worker!.runOnce()).sent).toBe(1);
  expect(fake.messages.slice(after).filter((m) => m.to === PERSON).map((m) => m.body).join('\n')).toMatch(/Reply 1/);
}, 120_000);
