/**
 * Retention of consented referrals: a finished one goes a set number of days after it finished,
 * with everything "delete my data" would take; one still being worked on never goes; one left
 * half-way goes after its own limit. Seeded through the real repositories.
 */
import { randomBytes } from 'node:crypto';
import { SmsCollections, SmsStore } from '../../src/channels/sms';
import { Transcript } from '../../src/channels/directline';
import { FollowUpContacts } from '../../src/followups/contacts';
import { FollowUpSchedule, FollowUpWorker } from '../../src/followups';
import { HandoffRepository } from '../../src/handoff/repository';
import { derivePersonKey } from '../../src/identity/personKey';
import { ReferralRepository } from '../../src/referrals';
import { DEFAULT_RETENTION, runRetention, type RetentionResult } from '../../src/retention';
import { Collections, getOrCreateSecret, MongoBotStorage } from '../../src/store';
import type { TestDatabase } from '../helpers/db';
import { HOUR, day, startRetentionWorld, worker } from './world';

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

interface Person {
  personKey: string;
  channelId: 'webchat' | 'sms';
  conversationId: string;
  numberKey?: string;
}

/** Someone who chats (web chat, or by text from `number`) and consents; their own conversation is recorded as the channels do. */
async function person(channelId: 'webchat' | 'sms', number = '+447700900123'): Promise<Person> {
  const secret = await getOrCreateSecret(t.db, 'personKey');
  const numberKey = channelId === 'sms' ? sms.numberKey(number) : undefined;
  const userId = numberKey ?? `user-${randomBytes(4).toString('hex')}`;
  const conversationId = numberKey ? `sms-${numberKey}` : `conv-${randomBytes(4).toString('hex')}`;
  const personKey = derivePersonKey(secret, channelId, userId);
  await referrals.getOrCreate(personKey, channelId, 'en');
  await referrals.recordConsent(personKey, { noticeVersion: 'v1', channel: channelId, answer: 'yes' });
  await referrals.saveAnswer(personKey, 'whatMatters', 'Feeling lonely since I moved here');
  await new MongoBotStorage(t.db).write({ [`${channelId}/conversations/${conversationId}/`]: { dialogState: {} } });
  if (numberKey) {
    await sms.remember(number, clock);
    await sms.recordSent({ _id: `SM${randomBytes(16).toString('hex')}`, numberKey, status: 'delivered', attempts: 1, createdAt: clock });
    await contacts.remember(numberKey, personKey, clock);
  } else {
    const transcript = new Transcript(t.db);
    await transcript.createConversation(conversationId, userId);
    await transcript.append(conversationId, { type: 'message', text: 'Feeling lonely since I moved here' });
  }
  return { personKey, channelId, conversationId, numberKey };
}

/** Confirms the referral: ready, a handoff for a link worker, and the check-in and six-week texts. */
async function confirm(p: Person, options: { followUps?: boolean } = {}): Promise<string> {
  await referrals.markReady(p.personKey);
  const referral = (await referrals.find(p.personKey))!;
  const conversationReference = { channelId: p.channelId, conversation: { id: p.conversationId }, user: { id: p.numberKey ?? '' } };
  if (p.channelId === 'webchat') conversationReference.user.id = (await new Transcript(t.db).getConversation(p.conversationId))!.userId;
  const { handoff } = await handoffs.open({ referral, reason: 'referralConfirmed', conversationReference });
  if (options.followUps !== false) await schedule.scheduleForReferral(p.personKey, clock);
  return handoff._id.toHexString();
}

/** A link worker claims and closes it; a follow-up date becomes a follow-up text, as app.ts does. */
async function close(handoffId: string, followUpAt?: Date): Promise<void> {
  await handoffs.claim(handoffId, worker);
  await handoffs.close(handoffId, worker, { outcome: 'connectedToActivity', followUpAt: followUpAt ?? null });
  if (followUpAt) {
    const closed = (await handoffs.get(handoffId))!;
    await schedule.scheduleLinkWorkerFollowUp(closed.personKey, followUpAt);
  }
}

/** Sends whatever is due at `at` through the real worker, with a sender that always succeeds. */
async function sendDue(at: Date): Promise<void> {
  clock = at;
  const sender = new FollowUpWorker({
    db: t.db,
    clock: { now: () => clock },
    window: { start: '00:00', end: '23:59', timeZone: 'UTC' },
    sender: { send: async () => ({ providerId: 'SM-fake' }) },
    optOuts: { isOptedOut: async () => false },
  });
  await sender.runOnce();
}

const retainAt = (at: Date, policy = DEFAULT_RETENTION): Promise<RetentionResult> => runRetention(t.db, policy, at);

/** Every record of the person that "delete my data" removes, counted by collection. */
async function whatIsLeft(p: Person): Promise<Record<string, number>> {
  const count = (name: string, filter: object) => t.db.collection(name).countDocuments(filter);
  return {
    referrals: await count(Collections.referrals, { personKey: p.personKey }),
    consents: await count(Collections.consents, { personKey: p.personKey }),
    handoffs: await count(Collections.handoffs, { personKey: p.personKey }),
    followUps: await count(Collections.followUps, { personKey: p.personKey }),
    followUpContacts: await count(Collections.followUpContacts, { personKey: p.personKey }),
    botState: await count(Collections.botState, { _id: `${p.channelId}/conversations/${p.conversationId}/` }),
    webChat:
      (await count(Collections.directlineConversations, { _id: p.conversationId })) +
      (await count(Collections.directlineActivities, { conversationId: p.conversationId })),
    sms: p.numberKey ? (await count(SmsCollections.conversations, { _id: p.numberKey })) + (await count(SmsCollections.outbound, { numberKey: p.numberKey })) : 0,
  };
}

const nothing = { referrals: 0, consents: 0, handoffs: 0, followUps: 0, followUpContacts: 0, botState: 0, webChat: 0, sms: 0 };

test('a finished referral is kept until the day limit and then erased with everything "delete my data" takes; a second run finds nothing', async () => {
  const chatter = await person('webchat');
  const texter = await person('sms');
  for (const p of [chatter, texter]) {
    const id = await confirm(p);
    clock = day(2);
    await close(id, day(20));
    clock = day(0);
  }
  await sendDue(day(7)); // the check-ins
  await sendDue(day(20)); // the link worker's follow-up date
  await sendDue(day(42)); // the six-week wellbeing texts: the last activity
  expect((await schedule.listFor(texter.personKey)).map((j) => j.status)).toEqual(['sent', 'sent', 'sent']);
  const before = { ...nothing, referrals: 1, consents: 1, handoffs: 1, followUps: 3, botState: 1 };
  expect(await whatIsLeft(chatter)).toEqual({ ...before, webChat: 2 });
  expect(await whatIsLeft(texter)).toEqual({ ...before, followUpContacts: 1, sms: 2 });

  // Every handoff closed long ago, but the six-week text still waits for its yes or no.
  expect(await retainAt(day(50), { ...DEFAULT_RETENTION, finishedReferralDays: 7 })).toMatchObject({ finishedReferrals: 0 });
  // A day short of 30 days after the last activity: kept.
  expect(await retainAt(new Date(day(42 + 30).getTime() - HOUR))).toMatchObject({ finishedReferrals: 0, abandonedReferrals: 0 });
  expect(await whatIsLeft(chatter)).toEqual({ ...before, webChat: 2 });

  const erasuresBefore = await t.db.collection(Collections.erasures).countDocuments();
  const result = await retainAt(new Date(day(42 + 30).getTime() + HOUR));
  expect(result).toMatchObject({ finishedReferrals: 2, abandonedReferrals: 0, handoffs: 2, followUps: 6 });
  expect(await whatIsLeft(chatter)).toEqual(nothing);
  expect(await whatIsLeft(texter)).toEqual(nothing);
  // As after "delete my data": an anonymous note per person, and nothing of theirs anywhere.
  expect(await t.db.collection(Collections.erasures).countDocuments()).toBe(erasuresBefore + 2);
  for (const name of Object.values(Collections)) {
    const left = JSON.stringify(await t.db.collection(name).find({}).toArray());
    for (const secret of [chatter.personKey, texter.personKey, chatter.conversationId, texter.numberKey!, 'lonely']) expect(left).not.toContain(secret);
  }

  // The run is recorded with counts only.
  const runs = await t.db.collection(Collections.retentionRuns).find({}).toArray();
  expect(runs.at(-1)).toMatchObject({ finishedReferrals: 2, handoffs: 2, followUps: 6 });
  const recorded = runs.length;

  // Running again erases nothing more and records nothing.
  expect(await retainAt(new Date(day(42 + 30).getTime() + 2 * HOUR))).toMatchObject({ finishedReferrals: 0, abandonedReferrals: 0, handoffs: 0, followUps: 0 });
  expect(await t.db.collection(Collections.retentionRuns).countDocuments()).toBe(recorded);
});

test('a referral with an open or claimed handoff, or a follow-up still to come, is never erased however old', async () => {
  // Crisis language before consent: an urgent handoff nobody has picked up yet.
  const secret = await getOrCreateSecret(t.db, 'personKey');
  const urgentKey = derivePersonKey(secret, 'webchat', 'user-urgent');
  await referrals.markUrgent(urgentKey, 'suicide.want_to_die', 'webchat', 'en');
  await handoffs.open({ referral: (await referrals.find(urgentKey))!, reason: 'crisis', riskFlags: [{ rule: 'suicide.want_to_die', message: 'words', at: clock }] });
  // Consented and urgent, claimed by a link worker and never closed.
  const claimed = await person('webchat');
  await referrals.markUrgent(claimed.personKey, 'selfharm.plan', 'webchat', 'en');
  await handoffs.claim(await confirm(claimed, { followUps: false }), worker);
  // Closed, with the link worker's follow-up date almost a year away (nothing else scheduled).
  const later = await person('sms');
  clock = day(2);
  await close(await confirm(later, { followUps: false }), day(300));

  const result = await retainAt(day(299), { ...DEFAULT_RETENTION, finishedReferralDays: 7, abandonedReferralDays: 30 });
  expect(result).toMatchObject({ finishedReferrals: 0, abandonedReferrals: 0, handoffs: 0, followUps: 0 });
  expect(await t.db.collection(Collections.handoffs).countDocuments()).toBe(3);
  expect(await referrals.find(urgentKey)).not.toBeNull();
  expect(await whatIsLeft(claimed)).toMatchObject({ referrals: 1, consents: 1, handoffs: 1, botState: 1, webChat: 2 });
  expect(await whatIsLeft(later)).toMatchObject({ referrals: 1, consents: 1, handoffs: 1, followUps: 1, followUpContacts: 1, botState: 1, sms: 2 });

  // Once the last text has gone and its reply window passed, the closed one finishes; the open ones stay.
  await sendDue(day(300));
  expect(await retainAt(day(300 + 14 + 8), { ...DEFAULT_RETENTION, finishedReferralDays: 7 })).toMatchObject({ finishedReferrals: 1 });
  expect(await whatIsLeft(later)).toEqual(nothing);
  expect(await t.db.collection(Collections.handoffs).countDocuments()).toBe(2);
});

test('a consented referral left half-way, with no handoff, goes after its own limit; ready or urgent ones stay', async () => {
  const abandoned = await person('webchat');
  const ready = await person('webchat');
  await referrals.markReady(ready.personKey); // ready, yet no handoff: for the team to look into, not for retention
  const urgent = await person('webchat');
  await referrals.markUrgent(urgent.personKey, 'suicide.want_to_die', 'webchat', 'en');

  expect(await retainAt(day(89))).toMatchObject({ abandonedReferrals: 0 });
  expect(await whatIsLeft(abandoned)).toMatchObject({ referrals: 1, consents: 1 });

  const result = await retainAt(day(91));
  expect(result).toMatchObject({ abandonedReferrals: 1, finishedReferrals: 0 });
  expect(await whatIsLeft(abandoned)).toMatchObject({ referrals: 0, consents: 0 });
  expect(await whatIsLeft(ready)).toMatchObject({ referrals: 1, consents: 1 });
  expect(await whatIsLeft(urgent)).toMatchObject({ referrals: 1, consents: 1 });

  const runs = await t.db.collection(Collections.retentionRuns).find({}).toArray();
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ abandonedReferrals: 1 });
  expect(JSON.stringify(runs)).not.toContain(abandoned.personKey);
  expect(await retainAt(day(92))).toMatchObject({ abandonedReferrals: 0 });
});
