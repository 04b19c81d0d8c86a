import type { Db } from 'mongodb';
import { Collections } from '../store/collections';
import { declareIndexes } from '../store/indexes';

/**
 * How long things are kept when nobody comes back. Expiry is an explicit job (no TTL indexes:
 * not portable) that deletes and records what it deleted, never whose.
 */
export interface RetentionPolicy {
  /** A first-contact referral with no consent (only key, channel and language): gone after this. */
  unconsentedReferralHours: number;
  /** Bot conversation state (may hold a half-given answer) untouched for this long. */
  conversationStateDays: number;
  /** Web chat transcripts (people's words as typed) of conversations idle for this long. */
  webChatTranscriptDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  unconsentedReferralHours: 24,
  conversationStateDays: 30,
  webChatTranscriptDays: 30,
};

export interface RetentionResult {
  ranAt: Date;
  unconsentedReferrals: number;
  conversationStates: number;
  webChatConversations: number;
  webChatActivities: number;
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

  const result: RetentionResult = {
    ranAt: now,
    unconsentedReferrals: referrals.deletedCount,
    conversationStates: states.deletedCount,
    webChatConversations: ids.length,
    webChatActivities: activities,
  };
  if (result.unconsentedReferrals + result.conversationStates + result.webChatConversations > 0) {
    await db.collection(Collections.retentionRuns).insertOne({ schemaVersion: 1, ...result });
  }
  return result;
}

/** Runs retention now and then every `everyMs` until stopped; failures are logged, not thrown. */
export function scheduleRetention(
  db: Db,
  log: (line: string) => void,
  everyMs = HOUR,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = runRetention(db, policy)
      .then((r) => {
        if (r.unconsentedReferrals + r.conversationStates + r.webChatConversations > 0) {
          log(`retention: removed ${r.unconsentedReferrals} unconsented referrals, ${r.conversationStates} conversation states, ${r.webChatConversations} web chat transcripts`);
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
