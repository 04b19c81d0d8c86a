import type { Activity } from 'botbuilder';
import type { Db } from 'mongodb';
import { z } from 'zod';
import { Collections, declareIndexes, fieldCipherOf, sealedOr, type FieldCipher, type SealedValue } from '../../store';

/**
 * The Direct Line transcript in MongoDB: one document per conversation (its user and the last
 * sequence number handed out) and one per activity, in order. The watermark a client holds is
 * the sequence number of the last activity it has seen, so history survives restarts and page
 * refreshes and any instance can serve any conversation. Portable subset only: the sequence
 * number is taken with findOneAndUpdate/$inc, activities are plain inserts and range finds.
 */
declareIndexes(Collections.directlineActivities, [
  { key: { conversationId: 1, seq: 1 }, name: 'conversationId_1_seq_1', unique: true },
]);
declareIndexes(Collections.directlineConversations, [{ key: { updatedAt: 1 }, name: 'updatedAt_1' }]);

const SCHEMA_VERSION = 1;
/** Width of the sequence number in activity ids, e.g. `abc|0000012`, as Direct Line does. */
const SEQ_DIGITS = 7;
/** Most activities one read returns (a page; the client asks again from the new watermark). */
export const MAX_ACTIVITIES_PER_READ = 100;
/**
 * A sequence number taken but not yet written (a concurrent append) holds readers back this
 * long at most; after that the gap is taken to be a write that never happened (a crash).
 */
const GAP_WAIT_MS = 5000;

const ConversationDocSchema = z.object({
  _id: z.string(),
  userId: z.string(),
  seq: z.number().int().nonnegative().default(0),
  locale: z.string().optional(),
  createdAt: z.date(),
  updatedAt: z.date().optional(),
  startedAt: z.date().optional(),
  declinedAt: z.date().optional(),
  schemaVersion: z.number().optional(),
});
export type ConversationRecord = z.infer<typeof ConversationDocSchema>;

interface ConversationDoc {
  _id: string;
  schemaVersion: number;
  userId: string;
  seq: number;
  locale?: string;
  createdAt: Date;
  updatedAt: Date;
  startedAt?: Date;
  /** The person said no to consent: what they type is kept only briefly (retention), and nothing from before. */
  declinedAt?: Date;
}

/**
 * What the bot marks on its reply to a consent answer (dialogs/consent.ts), so the transcript
 * keeps only what the person agreed to.
 */
export const CONSENT_MARK = { declined: 'declined', given: 'given' } as const;
export type ConsentMark = (typeof CONSENT_MARK)[keyof typeof CONSENT_MARK];

/** The consent mark on a bot's activity, if any (a person's own activity never counts). */
export function consentMarkOf(activity: Partial<Activity>): ConsentMark | undefined {
  if (activity.from?.role !== 'bot') return undefined;
  const mark = (activity.channelData as { consent?: unknown } | undefined)?.consent;
  return mark === CONSENT_MARK.declined || mark === CONSENT_MARK.given ? mark : undefined;
}

const ActivityDocSchema = z.object({
  _id: z.string(),
  conversationId: z.string(),
  seq: z.number().int().positive(),
  json: sealedOr(z.string()),
  deleted: z.boolean().optional(),
  createdAt: z.date(),
});

interface ActivityDoc {
  _id: string;
  schemaVersion: number;
  conversationId: string;
  seq: number;
  /**
   * The activity as sent to clients, as JSON (keys such as `$type` in channelData need no
   * escaping); sealed when a field key is configured (it holds what the person wrote).
   */
  json: string | SealedValue;
  deleted?: boolean;
  createdAt: Date;
}

export interface ActivityPage {
  activities: Partial<Activity>[];
  /** The watermark to ask from next time (unchanged when nothing new). */
  watermark: number;
}

export class Transcript {
  private readonly conversations;
  private readonly activities;
  private readonly cipher: FieldCipher;

  constructor(db: Db) {
    this.conversations = db.collection<ConversationDoc>(Collections.directlineConversations);
    this.activities = db.collection<ActivityDoc>(Collections.directlineActivities);
    this.cipher = fieldCipherOf(db);
  }

  private seal(activity: Partial<Activity>): string | SealedValue {
    return this.cipher.seal(JSON.stringify(activity));
  }

  private opened(json: string | SealedValue): Partial<Activity> {
    return JSON.parse(this.cipher.open(json) as string) as Partial<Activity>;
  }

  /** Records a new conversation and its user (token generation). Idempotent. */
  async createConversation(conversationId: string, userId: string, locale?: string): Promise<void> {
    const now = new Date();
    await this.conversations.updateOne(
      { _id: conversationId },
      {
        $setOnInsert: { userId, seq: 0, createdAt: now, schemaVersion: SCHEMA_VERSION, ...(locale ? { locale } : {}) },
        $set: { updatedAt: now },
      },
      { upsert: true },
    );
  }

  async getConversation(conversationId: string): Promise<ConversationRecord | undefined> {
    const doc = await this.conversations.findOne({ _id: conversationId });
    if (!doc) return undefined;
    const parsed = ConversationDocSchema.safeParse(doc);
    if (!parsed.success) throw new Error(`directlineConversations ${conversationId}: stored document has an unknown shape`);
    return parsed.data;
  }

  /** Marks the conversation started; true only for the first caller (who sends the welcome). */
  async markStarted(conversationId: string): Promise<boolean> {
    const now = new Date();
    const before = await this.conversations.findOneAndUpdate(
      { _id: conversationId, startedAt: { $exists: false } },
      { $set: { startedAt: now, updatedAt: now } },
      { returnDocument: 'before' },
    );
    return before !== null;
  }

  /**
   * Appends an activity: takes the next sequence number atomically, gives the activity its
   * Direct Line id and timestamp, stores it, and returns it as clients will see it (undefined
   * when the conversation does not exist).
   */
  async append(conversationId: string, activity: Partial<Activity>): Promise<{ activity: Partial<Activity>; seq: number } | undefined> {
    const now = new Date();
    const counter = await this.conversations.findOneAndUpdate(
      { _id: conversationId },
      { $inc: { seq: 1 }, $set: { updatedAt: now } },
      { returnDocument: 'after', projection: { seq: 1 } },
    );
    if (!counter) return undefined; // no such conversation (never created, or erased)
    const seq = counter.seq;
    const id = activityId(conversationId, seq);
    const stored: Partial<Activity> = {
      ...activity,
      id,
      conversation: { ...(activity.conversation ?? {}), id: conversationId } as Activity['conversation'],
      timestamp: now,
    };
    await this.activities.insertOne({
      _id: id,
      schemaVersion: SCHEMA_VERSION,
      conversationId,
      seq,
      json: this.seal(stored),
      createdAt: now,
    });
    await this.followConsent(conversationId, consentMarkOf(stored), seq, now);
    return { activity: JSON.parse(JSON.stringify(stored)) as Partial<Activity>, seq };
  }

  /**
   * Activities after `watermark`, in order, stopping at a gap left by an append still in flight
   * (so a poller never skips past an activity it has not seen).
   */
  async readAfter(conversationId: string, watermark: number, limit = MAX_ACTIVITIES_PER_READ): Promise<ActivityPage> {
    const docs = await this.activities
      .find({ conversationId, seq: { $gt: watermark } })
      .sort({ seq: 1 })
      .limit(limit)
      .toArray();
    const activities: Partial<Activity>[] = [];
    let last = watermark;
    for (const raw of docs) {
      const doc = ActivityDocSchema.parse(raw);
      if (doc.seq !== last + 1 && Date.now() - doc.createdAt.getTime() < GAP_WAIT_MS) break;
      last = doc.seq;
      if (!doc.deleted) activities.push(this.opened(doc.json));
    }
    return { activities, watermark: last };
  }

  /** Replaces a stored activity (the bot's updateActivity); false when it is not in this conversation. */
  async update(conversationId: string, activity: Partial<Activity>): Promise<boolean> {
    if (!activity.id) return false;
    const existing = await this.activities.findOne({ _id: activity.id, conversationId });
    if (!existing) return false;
    const previous = this.opened(existing.json);
    const replaced = { ...previous, ...activity, id: previous.id, conversation: previous.conversation, timestamp: previous.timestamp };
    await this.activities.updateOne({ _id: activity.id }, { $set: { json: this.seal(replaced) } });
    return true;
  }

  /** Hides a stored activity (the bot's deleteActivity); its sequence number stays taken. */
  async remove(conversationId: string, id: string): Promise<void> {
    await this.activities.updateOne({ _id: id, conversationId }, { $set: { deleted: true, json: JSON.stringify({ id }) } });
  }

  /**
   * A "no" to consent clears what the person typed before it (the reply saying so stays, so the
   * chat still shows it) and marks the conversation, so retention clears what comes after; a
   * later "yes" lifts the mark.
   */
  private async followConsent(conversationId: string, mark: ConsentMark | undefined, seq: number, now: Date): Promise<void> {
    if (mark === CONSENT_MARK.given) {
      await this.conversations.updateOne({ _id: conversationId }, { $unset: { declinedAt: '' } });
      return;
    }
    if (mark !== CONSENT_MARK.declined) return;
    await this.conversations.updateOne({ _id: conversationId }, { $set: { declinedAt: now } });
    // Tombstones, not deletes: the sequence stays whole, so a reader never waits on a gap.
    await this.activities.updateMany({ conversationId, seq: { $lt: seq } }, { $set: { deleted: true, json: '{}' } });
  }

  /**
   * What was typed in conversations whose person said no, older than `before` (retention);
   * returns how many were cleared (kept as empty
   * tombstones, as after the "no", so the sequence stays whole).
   */
  async clearDeclinedBefore(before: Date): Promise<number> {
    const declined = await this.conversations.find({ declinedAt: { $exists: true } }, { projection: { _id: 1 } }).toArray();
    if (declined.length === 0) return 0;
    const ids = declined.map((c) => c._id);
    const result = await this.activities.updateMany(
      { conversationId: { $in: ids }, createdAt: { $lt: before }, deleted: { $ne: true } },
      { $set: { deleted: true, json: '{}' } },
    );
    return result.modifiedCount;
  }

  /** Erases a conversation and its transcript (for "delete my data" and retention jobs). */
  async deleteConversation(conversationId: string): Promise<number> {
    const result = await this.activities.deleteMany({ conversationId });
    await this.conversations.deleteOne({ _id: conversationId });
    return result.deletedCount;
  }
}

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** A client's watermark: absent, empty, "-" or nonsense mean "from the beginning". */
export function parseWatermark(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return 0;
  return Number(value);
}
