import type { Db } from 'mongodb';
import { Transcript } from '../channels/directline';
import { SMS_CHANNEL_ID, SmsStore } from '../channels/sms';
import { FollowUpSchedule } from '../followups/schedule';
import { openStoredHandoff } from '../handoff/sealing';
import { ReferralRepository } from '../referrals';
import { derivePersonKey } from '../identity/personKey';
import { getOrCreateSecret } from '../store';
import { Collections } from '../store/collections';
import type { FieldCipher } from '../store/fieldCipher';
import { fieldCipherOf } from '../store/fieldEncryption';
import { declareIndexes } from '../store/indexes';
import { HandoffFactsSchema, progressOf, type PersonRecords } from './finished';
import { PersonEraser } from './personErasure';
import { DEFAULT_RETENTION, type RetentionPolicy } from './policy';

/*
 * How long things are kept when nobody comes back, and when a referral is finished. Expiry is an
 * explicit job (no TTL indexes: not portable) that deletes and records what it deleted, never whose.
 */

export interface RetentionResult {
  ranAt: Date;
  unconsentedReferrals: number;
  conversationStates: number;
  webChatConversations: number;
  webChatActivities: number;
  /** Activities typed (or sent) after a no to consent, cleared from web chat transcripts. */
  declinedWebChatActivities: number;
  /** Phone numbers forgotten because nothing needs them any more. */
  smsNumbers: number;
  /** People whose finished referral was erased (see finished.ts), with their handoffs and follow-ups. */
  finishedReferrals: number;
  /** People whose consented referral never reached a link worker and was left untouched. */
  abandonedReferrals: number;
  handoffs: number;
  followUps: number;
}

declareIndexes(Collections.botState, [{ key: { updatedAt: 1 }, name: 'updatedAt_1' }]);

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** One retention pass. Safe to run from several instances at once: deletes are idempotent. */
export async function runRetention(db: Db, policy: RetentionPolicy = DEFAULT_RETENTION, now: Date = new Date()): Promise<RetentionResult> {
  const before = (ms: number) => new Date(now.getTime() - ms);

  // Urgent (crisis-flagged) referrals are kept for the team even without consent.
  const referrals = await db.collection(Collections.referrals).deleteMany({
    consent: { $exists: false },
    urgent: { $exists: false },
    updatedAt: { $lt: before(policy.unconsentedReferralHours * HOUR) },
  });
  const states = await db.collection(Collections.botState).deleteMany({ updatedAt: { $lt: before(policy.conversationStateDays * DAY) } });

  const idle = await db
    .collection<{ _id: string }>(Collections.directlineConversations)
    .find({ updatedAt: { $lt: before(policy.webChatTranscriptDays * DAY) } }, { projection: { _id: 1 } })
    .toArray();
  const ids = idle.map((c) => c._id);
  let activities = 0;
  if (ids.length > 0) {
    activities = (await db.collection(Collections.directlineActivities).deleteMany({ conversationId: { $in: ids } })).deletedCount;
    await db.collection<{ _id: string }>(Collections.directlineConversations).deleteMany({ _id: { $in: ids } });
  }

  const declinedWebChatActivities = await new Transcript(db).clearDeclinedBefore(before(policy.declinedWebChatHours * HOUR));

  const people = await erasePeople(db, policy, now);
  // After the people: a number whose referral was erased just now goes in the same run.
  const smsNumbers = await forgetUnneededNumbers(db, before(policy.unneededSmsNumberHours * HOUR));
  const result: RetentionResult = {
    ranAt: now,
    unconsentedReferrals: referrals.deletedCount,
    conversationStates: states.deletedCount,
    webChatConversations: ids.length,
    webChatActivities: activities,
    declinedWebChatActivities,
    smsNumbers,
    ...people,
  };
  if (removedAnything(result)) {
    await db.collection(Collections.retentionRuns).insertOne({ schemaVersion: 2, ...result });
  }
  return result;
}

type PeopleResult = Pick<RetentionResult, 'finishedReferrals' | 'abandonedReferrals' | 'handoffs' | 'followUps'>;

/** Finished and abandoned referrals: each person is judged on fresh reads, then erased as "delete my data" would. */
async function erasePeople(db: Db, policy: RetentionPolicy, now: Date): Promise<PeopleResult> {
  const result: PeopleResult = { finishedReferrals: 0, abandonedReferrals: 0, handoffs: 0, followUps: 0 };
  const finishedBefore = new Date(now.getTime() - policy.finishedReferralDays * DAY);
  const abandonedBefore = new Date(now.getTime() - policy.abandonedReferralDays * DAY);
  const records = new PersonReader(db, now);
  const eraser = new PersonEraser(db, () => now);

  const erase = async (personKey: string, person: PersonRecords, rule: 'finishedReferrals' | 'abandonedReferrals') => {
    const erased = await eraser.erase(personKey, await eraser.conversationsOf(personKey, person.handoffs));
    // Another instance may have erased them a moment ago: count only what this run removed.
    if (erased.referrals + erased.handoffs === 0) return;
    result[rule] += 1;
    result.handoffs += erased.handoffs;
    result.followUps += erased.followUps;
  };

  // Finished: at least one handoff, all closed, and nothing since for finishedReferralDays.
  for (const personKey of await closedHandoffPeople(db, finishedBefore)) {
    const person = await records.read(personKey);
    const progress = progressOf(person, now);
    if (person.handoffs.length === 0 || !progress.finished || progress.lastActivity >= finishedBefore) continue;
    await erase(personKey, person, 'finishedReferrals');
  }

  // Abandoned: consented, never ready and never handed off, untouched for abandonedReferralDays.
  // An urgent one is left alone: without a handoff no one on the team may have seen it yet.
  for (const personKey of await untouchedConsentedPeople(db, abandonedBefore)) {
    const person = await records.read(personKey);
    const progress = progressOf(person, now);
    const referral = person.referral;
    if (!referral?.consent || referral.status === 'ready' || referral.urgent || person.handoffs.length > 0) continue;
    if (!progress.finished || progress.lastActivity >= abandonedBefore) continue;
    await erase(personKey, person, 'abandonedReferrals');
  }
  return result;
}

/**
 * Phone numbers kept only to reply to: once a number has been quiet since `before` and no
 * referral, handoff or follow-up contact needs it, it goes. An opt-out (STOP) stays, under the
 * number's key only. Returns how many went.
 */
async function forgetUnneededNumbers(db: Db, before: Date): Promise<number> {
  // forgetIdleNumber reads no number, so no keys are needed (as purgeSmsRecords does).
  const sms = new SmsStore(db, Buffer.alloc(32), Buffer.alloc(32));
  const candidates = await sms.numberKeysLastSeenBefore(before);
  if (candidates.length === 0) return 0;
  const secret = await getOrCreateSecret(db, 'personKey');
  let forgotten = 0;
  for (const numberKey of candidates) {
    if (await numberStillNeeded(db, numberKey, derivePersonKey(secret, SMS_CHANNEL_ID, numberKey))) continue;
    if (await sms.forgetIdleNumber(numberKey, before)) forgotten += 1;
  }
  return forgotten;
}

/**
 * Needed while the texter has agreed (or raised a crisis the team must follow up), has a handoff
 * (the team may reply), or a follow-up contact names it (texts still to send). A first-contact
 * referral without consent needs no number: replies go at once. (A re-send of a text that failed
 * a day ago finds no number and is logged, not sent: re-sends follow failures within minutes.)
 */
async function numberStillNeeded(db: Db, numberKey: string, personKey: string): Promise<boolean> {
  const agreedOrUrgent = { personKey, $or: [{ consent: { $exists: true } }, { urgent: { $exists: true } }] };
  const uses = [
    db.collection(Collections.referrals).countDocuments(agreedOrUrgent, { limit: 1 }),
    db.collection(Collections.handoffs).countDocuments({ personKey }, { limit: 1 }),
    db.collection<{ _id: string }>(Collections.followUpContacts).countDocuments({ _id: numberKey }, { limit: 1 }),
  ];
  return (await Promise.all(uses)).some((count) => count > 0);
}

/** People with a handoff closed before `before` (anyone whose last close is later cannot be due yet). */
async function closedHandoffPeople(db: Db, before: Date): Promise<string[]> {
  const groups = await db
    .collection(Collections.handoffs)
    .aggregate<{ _id: unknown }>([{ $match: { status: 'closed', closedAt: { $lt: before } } }, { $group: { _id: '$personKey' } }])
    .toArray();
  return groups.map((g) => g._id).filter((key): key is string => typeof key === 'string');
}

async function untouchedConsentedPeople(db: Db, before: Date): Promise<string[]> {
  const docs = await db
    .collection(Collections.referrals)
    .find({ consent: { $exists: true }, status: { $ne: 'ready' }, urgent: { $exists: false }, updatedAt: { $lt: before } }, { projection: { personKey: 1 } })
    .toArray();
  return docs.map((d) => d.personKey as unknown).filter((key): key is string => typeof key === 'string');
}

/** Reads what the rule needs about one person, through the repositories where they have a read. */
class PersonReader {
  private readonly referrals: ReferralRepository;
  private readonly schedule: FollowUpSchedule;
  /** The conversation reference is sealed at rest when a field key is set; erasure needs it open. */
  private readonly cipher: FieldCipher;

  constructor(
    private readonly db: Db,
    now: Date,
  ) {
    this.referrals = new ReferralRepository(db, () => now);
    this.schedule = new FollowUpSchedule(db, () => now);
    this.cipher = fieldCipherOf(db);
  }

  async read(personKey: string): Promise<PersonRecords> {
    const docs = await this.db
      .collection(Collections.handoffs)
      .find({ personKey }, { projection: { status: 1, closedAt: 1, updatedAt: 1, urgent: 1, conversationReference: 1 } })
      .toArray();
    return {
      referral: await this.referrals.find(personKey),
      handoffs: docs.map((doc) => HandoffFactsSchema.parse(openStoredHandoff(this.cipher, doc))),
      jobs: await this.schedule.listFor(personKey),
    };
  }
}

function removedAnything(r: RetentionResult): boolean {
  return (
    r.unconsentedReferrals + r.conversationStates + r.webChatConversations + r.declinedWebChatActivities + r.smsNumbers + r.finishedReferrals + r.abandonedReferrals >
    0
  );
}

/**
 * Runs retention now and then every `everyMs` until stopped; failures are logged, not thrown.
 * Logs counts only. What `policy` leaves out (e.g. config's ReferralRetention) keeps its default.
 */
export function scheduleRetention(
  db: Db,
  log: (line: string) => void,
  everyMs = HOUR,
  overrides: Partial<RetentionPolicy> = {},
): { stop: () => Promise<void> } {
  const policy: RetentionPolicy = { ...DEFAULT_RETENTION, ...overrides };
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = runRetention(db, policy)
      .then((r) => {
        if (removedAnything(r)) {
          log(
            `retention: removed ${r.unconsentedReferrals} unconsented referrals, ${r.conversationStates} conversation states, ${r.webChatConversations} web chat transcripts, ` +
              `${r.declinedWebChatActivities} web chat messages after a no to consent, ${r.smsNumbers} phone numbers no longer needed, ` +
              `${r.finishedReferrals} finished and ${r.abandonedReferrals} abandoned referrals (${r.handoffs} handoffs, ${r.followUps} follow-ups)`,
          );
        }
      })
      .catch((error: Error) => log(`retention: run failed: ${error.message}`));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
