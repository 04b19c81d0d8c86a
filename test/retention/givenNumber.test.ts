/**
 * Retention of a finished referral forgets the number a web chatter gave for follow-up texts, as
 * "delete my data" does: its encrypted copy and delivery records go with the referral, though no
 * conversation of theirs names it; an opt-out made from it stays. Another person's number, whose
 * referral is still being worked on, keeps its records. Seeded through the real repositories, with
 * the follow-ups texted by the real worker and SMS sender into a real SmsStore.
 */
import { randomBytes } from 'node:crypto';
import { SmsCollections, SmsStore } from '../../src/channels/sms';
import { FollowUpContacts } from '../../src/followups/contacts';
import { createSmsFollowUpSender, FollowUpSchedule, FollowUpWorker } from '../../src/followups';
import { HandoffRepository } from '../../src/handoff/repository';
import { derivePersonKey } from '../../src/identity/personKey';
import { ReferralRepository } from '../../src/referrals';
import { DEFAULT_RETENTION, runRetention } from '../../src/retention';
import { Collections, conversationStateKey, getOrCreateSecret, MongoBotStorage } from '../../src/store';
import type { TestDatabase } from '../helpers/db';
import { day, startRetentionWorld, worker } from './world';

let t: TestDatabase;
let clock: Date;
let referrals: ReferralRepository;
let handoffs: HandoffRepository;
let schedule: FollowUpSchedule;
let contacts: FollowUpContacts;
let sms: SmsStore;

beforeEach(async () => {
  clock = day(0);
  ({ t, referrals, handoffs, schedule, contacts, sms } = await startRetentionWorld(() => clock));
});
afterEach(async () => t.stop());

/**
 * A web chatter who consents, chooses texts at `number` and confirms, as app.ts records it: the
 * number's key in the follow-up contacts, a handoff (opened on web chat), the follow-up texts scheduled.
 */
async function webChatterWithNumber(number: string): Promise<{ personKey: string; numberKey: string; handoffId: string }> {
  const userId = `user-${randomBytes(4).toString('hex')}`;
  const personKey = derivePersonKey(await getOrCreateSecret(t.db, 'personKey'), 'webchat', userId);
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  await referrals.recordConsent(personKey, { noticeVersion: 'v1', channel: 'webchat', answer: 'yes' });
  await referrals.saveAnswer(personKey, 'contactMethod', 'sms');
  await referrals.saveAnswer(personKey, 'contactNumber', number);
  await referrals.markReady(personKey);
  const numberKey = sms.numberKey(number);
  await contacts.remember(numberKey, personKey, clock);
  const conversationReference = { channelId: 'webchat', conversation: { id: `conv-${userId}` }, user: { id: userId } };
  const { handoff } = await handoffs.open({ referral: (await referrals.find(personKey))!, reason: 'referralConfirmed', conversationReference });
  await schedule.scheduleForReferral(personKey, clock);
  return { personKey, numberKey, handoffId: handoff._id.toHexString() };
}

/** Sends what is due at `at`: the real SMS follow-up sender, texting as the SMS channel records it. */
async function sendDue(at: Date): Promise<number> {
  clock = at;
  const sender = createSmsFollowUpSender({
    referrals,
    serviceName: 'Front Door',
    sendTo: async (target, text) => {
      const numberKey = 'numberKey' in target ? target.numberKey : (await sms.remember(target.number, clock)).numberKey;
      const sid = `SM${randomBytes(16).toString('hex')}`;
      await sms.recordSent({ _id: sid, numberKey, status: 'queued', attempts: 1, createdAt: clock }, text);
      return { sent: true, sids: [sid] };
    },
  });
  const run = await new FollowUpWorker({
    db: t.db,
    clock: { now: () => clock },
    window: { start: '00:00', end: '23:59', timeZone: 'UTC' },
    sender,
    optOuts: { isOptedOut: async () => false },
  }).runOnce();
  return run.sent;
}

/** The SMS records that name a number key (opt-outs apart). */
async function smsRecordsOf(numberKey: string): Promise<{ conversations: number; outbound: number }> {
  return {
    conversations: await t.db.collection(SmsCollections.conversations).countDocuments({ _id: numberKey as never }),
    outbound: await t.db.collection(SmsCollections.outbound).countDocuments({ numberKey }),
  };
}

test('a finished referral of a web chatter goes with the SMS records of the number they gave; the opt-out stays; another person’s stay', async () => {
  const chatter = await webChatterWithNumber('+447700900123');
  const other = await webChatterWithNumber('+447700900456');
  clock = day(2);
  await handoffs.claim(chatter.handoffId, worker);
  await handoffs.close(chatter.handoffId, worker, { outcome: 'connectedToActivity', followUpAt: null });
  expect(await sendDue(day(7))).toBe(2); // the check-ins
  await sms.setOptedOut(chatter.numberKey, true, 'STOP', day(8));
  expect(await sendDue(day(42))).toBe(2); // the six-week texts
  const encrypted = ((await t.db.collection(SmsCollections.conversations).findOne({ _id: chatter.numberKey as never }))?.number as { data: string }).data;
  expect(await smsRecordsOf(chatter.numberKey)).toEqual({ conversations: 1, outbound: 2 });
  expect(await smsRecordsOf(other.numberKey)).toEqual({ conversations: 1, outbound: 2 });
  // Each replied by text, which gave that texting conversation bot state of its own.
  const botState = new MongoBotStorage(t.db);
  const [chatterState, otherState] = [chatter, other].map((p) => conversationStateKey('sms', `sms-${p.numberKey}`));
  await botState.write({ [chatterState]: { flags: { lang: 'en' } }, [otherState]: { flags: { lang: 'en' } } });

  // 30 days after the last text and its reply window: the chatter's referral is finished; the other's handoff is still open.
  expect(await runRetention(t.db, DEFAULT_RETENTION, day(42 + 14 + 31))).toMatchObject({ finishedReferrals: 1 });
  expect(await referrals.find(chatter.personKey)).toBeNull();
  expect(await smsRecordsOf(chatter.numberKey)).toEqual({ conversations: 0, outbound: 0 });
  for (const name of [SmsCollections.conversations, SmsCollections.outbound, SmsCollections.inbound, Collections.followUpContacts]) {
    const left = JSON.stringify(await t.db.collection(name).find({}).toArray());
    expect(left).not.toContain(chatter.numberKey);
    expect(left).not.toContain(encrypted);
  }
  expect(await sms.isOptedOut(chatter.numberKey)).toBe(true);
  expect(Object.keys(await botState.read([chatterState, otherState]))).toEqual([otherState]);

  expect(await referrals.find(other.personKey)).not.toBeNull();
  expect(await smsRecordsOf(other.numberKey)).toEqual({ conversations: 1, outbound: 2 });
  expect(await contacts.personKeyFor(other.numberKey)).toBe(other.personKey);
});
