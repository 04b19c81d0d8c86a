import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { MongoServerError, type Db } from 'mongodb';
import { z } from 'zod';
import { sealedOr, type FieldCipher, type SealedValue } from '../../store/fieldCipher';
import { fieldCipherOf } from '../../store/fieldEncryption';
import { declareIndexes } from '../../store/indexes';
import type { SmsReply } from './adapter';

/**
 * What the SMS channel keeps. A phone number is personal data: documents are found by its
 * HMAC (the "number key"); the number itself is kept once, encrypted, only so replies can be
 * sent to it. A sent text is kept encrypted only until its delivery is known (see outbound).
 *
 * Until the lead merges them into src/store/collections.ts, the names live here.
 */
export const SmsCollections = {
  /** One per phone number: number key, the number (AES-256-GCM), conversation id, last seen. */
  conversations: 'smsConversations',
  /**
   * MessageSids already taken in, so Twilio's retries are processed once. Kept INBOUND_RETENTION_DAYS.
   * Until its turn has finished, a text's record also holds whose it is and its words (encrypted),
   * so a text answered 200 is still answered after a crash; they go when the turn ends, or after
   * UNHANDLED_TEXT_HOURS at most.
   */
  inbound: 'smsInbound',
  /**
   * One per message sent, by MessageSid: status, attempts and resends. The text is kept only
   * encrypted and only until Twilio reports the message final (so a transient failure can be
   * sent again); then it is removed. Kept OUTBOUND_RETENTION_DAYS.
   */
  outbound: 'smsOutbound',
  /** Opt-outs by number key (STOP ... START). Kept as long as the number may be texted. */
  optOuts: 'smsOptOuts',
} as const;

/**
 * Twilio retries a webhook for minutes, not days: a week of MessageSids is ample to see every
 * retry. Delivery records are kept for a month for support questions ("did my text arrive?").
 * Expiry is purgeSmsRecords (run by the retention job; no TTL indexes, they are not portable).
 */
export const INBOUND_RETENTION_DAYS = 7;
export const OUTBOUND_RETENTION_DAYS = 30;

/** A text taken in but never answered (the app was down) is dropped after this many hours: too late to make sense. */
export const UNHANDLED_TEXT_HOURS = 24;

/**
 * How long a process's claim on a text holds unless renewed (it is, every third of this, while its
 * turn runs). Short, because a restart cannot tell its dead predecessor's claim from a live
 * instance's: a text whose turn was under way at a crash waits this long to be taken up again.
 */
export const TEXT_CLAIM_LEASE_MS = 10_000;

declareIndexes(SmsCollections.inbound, [
  { key: { receivedAt: 1 }, name: 'receivedAt_1' },
  { key: { unhandledSince: 1 }, name: 'unhandledSince_1' },
]);
declareIndexes(SmsCollections.outbound, [
  { key: { createdAt: 1 }, name: 'createdAt_1' },
  { key: { numberKey: 1, createdAt: -1 }, name: 'numberKey_1_createdAt_-1' },
]);

export type DeliveryStatus = 'queued' | 'accepted' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'receiving' | 'received' | 'read' | 'scheduled' | 'canceled';

const ConversationDoc = z.object({
  _id: z.string(),
  schemaVersion: z.number().optional(),
  number: sealedOr(z.object({ iv: z.string(), tag: z.string(), data: z.string() })),
  conversationId: z.string(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
});
type ConversationDoc = z.infer<typeof ConversationDoc>;

const StoredReplies = z.array(z.object({ numberKey: z.string(), text: z.string(), evenIfOptedOut: z.boolean() }));

interface InboundDoc {
  _id: string;
  receivedAt: Date;
  /** The fields below are there only while the text's turn has not finished. */
  unhandledSince?: Date;
  numberKey?: string;
  conversationId?: string;
  body?: Encrypted;
  /** How many times a start-up took it up again (a text that kills the app must not do so forever). */
  replays?: number;
  /** The process that may run its turn (a random id per process), and until when. */
  claimedBy?: string;
  claimedUntil?: Date;
  /** Set when its turn's logic has ended: the texts it answered with (encrypted JSON), and how many have gone. */
  replies?: Encrypted;
  repliesSent?: number;
}

/** Everything a text's record holds only while its turn has not finished. */
const UNHANDLED_FIELDS = { unhandledSince: '', numberKey: '', conversationId: '', body: '', replays: '', claimedBy: '', claimedUntil: '', replies: '', repliesSent: '' } as const;

/**
 * AES-256-GCM under the database's own SMS key; with a field key configured (FIELD_ENCRYPTION_KEY)
 * that is sealed again, so a copy of the database alone does not give the numbers away.
 */
type Encrypted = { iv: string; tag: string; data: string } | SealedValue;

export interface OutboundRecord {
  _id: string;
  schemaVersion: 1;
  numberKey: string;
  status: DeliveryStatus | 'rejected';
  /** Tries the REST call took (1 when it went first time). */
  attempts: number;
  errorCode?: string;
  /** How many times this text had already been sent again after a transient delivery failure. */
  resends?: number;
  /** The MessageSid this one re-sends. */
  resendOf?: string;
  /** Sent even after STOP (crisis support, keyword confirmations), so a re-send is too. */
  evenIfOptedOut?: boolean;
  /** The text, encrypted, until the message is final. */
  pending?: Encrypted;
  createdAt: Date;
  updatedAt: Date;
}

/** A text taken in whose turn has not finished yet. */
export interface UnhandledText {
  messageSid: string;
  numberKey: string;
  conversationId: string;
  text: string;
  receivedAt: Date;
  replays: number;
  /** Set when its turn has already run (a crash came before it was marked handled): what it answered, and how many of those went. */
  replies?: SmsReply[];
  repliesSent: number;
}

/** A text taken back from a message that ended undelivered, to send again. */
export interface PendingText {
  numberKey: string;
  text: string;
  resends: number;
  evenIfOptedOut: boolean;
}

/** Hours an undelivered text may be kept for re-sending when no final status ever comes. */
export const PENDING_TEXT_HOURS = 24;

interface OptOutDoc {
  _id: string;
  schemaVersion: 1;
  optedOut: boolean;
  /** Which word did it (STOP, START, ...): the record a network may ask for. */
  keyword: string;
  changedAt: Date;
}

/** A number in one canonical form, so "+44 7700 900123" and "+447700900123" are one person. */
export function canonicalNumber(number: string): string {
  return number.replace(/[\s().-]/g, '');
}

export class SmsStore {
  constructor(
    private readonly db: Db,
    /** HMAC key for number keys. */
    private readonly keySecret: Buffer,
    /** AES-256-GCM key for stored numbers. */
    private readonly numberKey32: Buffer,
  ) {
    this.fieldCipher = fieldCipherOf(db);
  }

  private readonly fieldCipher: FieldCipher;

  /** The number's stable pseudonymous key: what every SMS record, log line and activity carries instead of it. */
  numberKey(number: string): string {
    return createHmac('sha256', this.keySecret).update(`sms\u0000${canonicalNumber(number)}`).digest('base64url');
  }

  /** Records (or refreshes) the number behind a key and returns its conversation id. */
  async remember(number: string, now = new Date()): Promise<{ numberKey: string; conversationId: string }> {
    const numberKey = this.numberKey(number);
    const collection = this.db.collection<ConversationDoc>(SmsCollections.conversations);
    const conversationId = `sms-${numberKey}`;
    await collection.updateOne(
      { _id: numberKey },
      {
        $set: { lastSeenAt: now, number: this.encrypt(canonicalNumber(number)) },
        $setOnInsert: { conversationId, createdAt: now, schemaVersion: 1 },
      },
      { upsert: true },
    );
    return { numberKey, conversationId };
  }

  /** The phone number behind a key, if we have texted or heard from it. */
  async numberFor(numberKey: string): Promise<string | undefined> {
    const raw = await this.db.collection<ConversationDoc>(SmsCollections.conversations).findOne({ _id: numberKey });
    if (!raw) return undefined;
    const doc = ConversationDoc.safeParse(raw);
    return doc.success ? this.decrypt(doc.data.number) : undefined;
  }

  /** Claims an inbound MessageSid: true the first time, false for every retry of it. */
  async claimInbound(messageSid: string, now = new Date()): Promise<boolean> {
    try {
      await this.db.collection<InboundDoc>(SmsCollections.inbound).insertOne({ _id: messageSid, receivedAt: now });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }

  /**
   * Claims an inbound MessageSid and keeps the text (encrypted) until markHandled: true the first
   * time, false for every retry of it. One write, so a text is never claimed without its words.
   */
  async takeIn(messageSid: string, text: Pick<UnhandledText, 'numberKey' | 'conversationId' | 'text'>, now = new Date()): Promise<boolean> {
    const doc: InboundDoc = { _id: messageSid, receivedAt: now, unhandledSince: now, numberKey: text.numberKey, conversationId: text.conversationId, body: this.encrypt(text.text), replays: 0 };
    try {
      await this.db.collection<InboundDoc>(SmsCollections.inbound).insertOne(doc);
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }

  /** The text's turn has finished: only the MessageSid stays (for retries), not whose it was or what it said. */
  async markHandled(messageSid: string): Promise<void> {
    await this.db
      .collection<InboundDoc>(SmsCollections.inbound)
      .updateOne({ _id: messageSid }, { $unset: UNHANDLED_FIELDS });
  }

  /**
   * Claims a text not yet handled for `claimant` (renewing its own claim), unless another process
   * holds an unexpired claim on it: one atomic update, so of two processes only one gets it.
   * Returns the text as it is now, or undefined (handled already, or someone else's).
   */
  async claim(messageSid: string, claimant: string, options: { countReplay?: boolean; now?: Date } = {}): Promise<UnhandledText | undefined> {
    const now = options.now ?? new Date();
    const doc = await this.db.collection<InboundDoc>(SmsCollections.inbound).findOneAndUpdate(
      {
        _id: messageSid,
        unhandledSince: { $exists: true },
        $or: [{ claimedBy: claimant }, { claimedUntil: { $exists: false } }, { claimedUntil: { $lte: now } }],
      },
      { $set: { claimedBy: claimant, claimedUntil: new Date(now.getTime() + TEXT_CLAIM_LEASE_MS) }, ...(options.countReplay ? { $inc: { replays: 1 } } : {}) },
      { returnDocument: 'after' },
    );
    return doc ? this.unhandledFrom(doc) : undefined;
  }

  /**
   * The text's turn has ended and these are its replies, recorded before any is sent: from here
   * on the turn is not run again, only its replies not yet sent are sent.
   */
  async recordReplies(messageSid: string, replies: SmsReply[]): Promise<void> {
    await this.db
      .collection<InboundDoc>(SmsCollections.inbound)
      .updateOne({ _id: messageSid, unhandledSince: { $exists: true } }, { $set: { replies: this.encrypt(JSON.stringify(replies)), repliesSent: 0 } });
  }

  /** One more of the text's replies has gone to Twilio. */
  async countReplySent(messageSid: string): Promise<void> {
    await this.db.collection<InboundDoc>(SmsCollections.inbound).updateOne({ _id: messageSid, unhandledSince: { $exists: true } }, { $inc: { repliesSent: 1 } });
  }

  /** One text taken in and not yet handled, or undefined (handled, unknown, or unreadable). */
  async unhandled(messageSid: string): Promise<UnhandledText | undefined> {
    const doc = await this.db.collection<InboundDoc>(SmsCollections.inbound).findOne({ _id: messageSid, unhandledSince: { $exists: true } });
    return doc ? this.unhandledFrom(doc) : undefined;
  }

  /** Every text taken in and not yet handled, oldest first (so each number's texts keep their order). */
  async unhandledTexts(): Promise<UnhandledText[]> {
    const docs = await this.db
      .collection<InboundDoc>(SmsCollections.inbound)
      .find({ unhandledSince: { $exists: true } })
      .sort({ unhandledSince: 1 })
      .toArray();
    return docs.map((doc) => this.unhandledFrom(doc)).filter((text): text is UnhandledText => text !== undefined);
  }

  /** Forgets the words of texts never handled and taken in before `before`; returns how many (never whose). */
  async dropUnhandledBefore(before: Date): Promise<number> {
    const result = await this.db
      .collection<InboundDoc>(SmsCollections.inbound)
      .updateMany({ unhandledSince: { $lt: before } }, { $unset: UNHANDLED_FIELDS });
    return result.modifiedCount;
  }

  private unhandledFrom(doc: InboundDoc): UnhandledText | undefined {
    const text = doc.body === undefined ? undefined : this.decrypt(doc.body);
    if (text === undefined || !doc.numberKey || !doc.conversationId) return undefined;
    const replies = doc.replies === undefined ? undefined : this.repliesFrom(doc.replies);
    return {
      messageSid: doc._id,
      numberKey: doc.numberKey,
      conversationId: doc.conversationId,
      text,
      receivedAt: doc.receivedAt,
      replays: doc.replays ?? 0,
      ...(replies ? { replies } : {}),
      repliesSent: doc.repliesSent ?? 0,
    };
  }

  /** Recorded replies; unreadable ones count as none left to send (the turn still ran). */
  private repliesFrom(stored: Encrypted): SmsReply[] {
    const parsed = StoredReplies.safeParse(JSON.parse(this.decrypt(stored) ?? '[]'));
    return parsed.success ? parsed.data : [];
  }

  async isOptedOut(numberKey: string): Promise<boolean> {
    const doc = await this.db.collection<OptOutDoc>(SmsCollections.optOuts).findOne({ _id: numberKey });
    return doc?.optedOut === true;
  }

  async setOptedOut(numberKey: string, optedOut: boolean, keyword: string, now = new Date()): Promise<void> {
    await this.db
      .collection<OptOutDoc>(SmsCollections.optOuts)
      .updateOne({ _id: numberKey }, { $set: { optedOut, keyword, changedAt: now, schemaVersion: 1 } }, { upsert: true });
  }

  async recordSent(record: Omit<OutboundRecord, 'schemaVersion' | 'updatedAt' | 'pending'>, text?: string): Promise<void> {
    const pending = text === undefined ? {} : { pending: this.encrypt(text) };
    try {
      await this.db.collection<OutboundRecord>(SmsCollections.outbound).insertOne({ ...record, ...pending, schemaVersion: 1, updatedAt: record.createdAt });
    } catch (error) {
      // The same MessageSid twice can only be a status callback that raced ahead: keep what it said.
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
    }
  }

  /** A status callback. Final states are not overwritten by late, earlier ones (callbacks can arrive out of order). */
  async recordStatus(messageSid: string, status: DeliveryStatus, errorCode: string | undefined, now = new Date()): Promise<boolean> {
    const final: DeliveryStatus[] = ['delivered', 'undelivered', 'failed', 'read', 'canceled'];
    const update = { $set: { status, updatedAt: now, ...(errorCode ? { errorCode } : {}) } };
    const filter = final.includes(status) ? { _id: messageSid } : { _id: messageSid, status: { $nin: final } };
    const result = await this.db.collection<OutboundRecord>(SmsCollections.outbound).updateOne(filter, update);
    return result.matchedCount > 0;
  }

  /**
   * Takes the kept text off a message that is now final, and returns it (decrypted) to whoever
   * took it: once only, however many callbacks race.
   */
  async takePending(messageSid: string): Promise<PendingText | undefined> {
    const before = await this.db
      .collection<OutboundRecord>(SmsCollections.outbound)
      .findOneAndUpdate({ _id: messageSid, pending: { $exists: true } }, { $unset: { pending: '' } }, { returnDocument: 'before' });
    if (!before?.pending) return undefined;
    const text = this.decrypt(before.pending);
    return text === undefined ? undefined : { numberKey: before.numberKey, text, resends: before.resends ?? 0, evenIfOptedOut: before.evenIfOptedOut === true };
  }

  async outbound(messageSid: string): Promise<OutboundRecord | null> {
    return this.db.collection<OutboundRecord>(SmsCollections.outbound).findOne({ _id: messageSid });
  }

  /** Deletes inbound and delivery records past their retention; returns the counts (never whose). */
  async purge(now = new Date()): Promise<{ inbound: number; outbound: number }> {
    const days = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
    const inbound = await this.db.collection(SmsCollections.inbound).deleteMany({ receivedAt: { $lt: days(INBOUND_RETENTION_DAYS) } });
    // Texts never answered (the app was down) are not kept in case it comes back.
    await this.dropUnhandledBefore(new Date(now.getTime() - UNHANDLED_TEXT_HOURS * 60 * 60 * 1000));
    const outbound = await this.db.collection(SmsCollections.outbound).deleteMany({ createdAt: { $lt: days(OUTBOUND_RETENTION_DAYS) } });
    // Texts whose final status never came are not kept in case it does.
    await this.db
      .collection<OutboundRecord>(SmsCollections.outbound)
      .updateMany({ pending: { $exists: true }, createdAt: { $lt: new Date(now.getTime() - PENDING_TEXT_HOURS * 60 * 60 * 1000) } }, { $unset: { pending: '' } });
    return { inbound: inbound.deletedCount, outbound: outbound.deletedCount };
  }

  /** Keys of the numbers last heard from (or given) before `before`: retention's candidates. */
  async numberKeysLastSeenBefore(before: Date): Promise<string[]> {
    const docs = await this.db
      .collection<ConversationDoc>(SmsCollections.conversations)
      .find({ lastSeenAt: { $lt: before } }, { projection: { _id: 1 } })
      .toArray();
    return docs.map((doc) => doc._id);
  }

  /**
   * Forgets the number behind a key if it is still unused since `before` (a text that just came
   * in keeps it); delivery records keep their own expiry. True when it went.
   */
  async forgetIdleNumber(numberKey: string, before: Date): Promise<boolean> {
    const result = await this.db.collection<ConversationDoc>(SmsCollections.conversations).deleteOne({ _id: numberKey, lastSeenAt: { $lt: before } });
    return result.deletedCount > 0;
  }

  /** "Delete my data" on SMS: the number and its delivery records go; an opt-out stays (it protects the person). */
  async forget(numberKey: string): Promise<void> {
    await this.db.collection<ConversationDoc>(SmsCollections.conversations).deleteOne({ _id: numberKey });
    await this.db.collection<OutboundRecord>(SmsCollections.outbound).deleteMany({ numberKey });
  }

  private encrypt(plain: string): Encrypted {
    return this.fieldCipher.seal(this.encryptWithDatabaseKey(plain));
  }

  private decrypt(stored: Encrypted): string | undefined {
    return this.decryptWithDatabaseKey(this.fieldCipher.open(stored) as { iv: string; tag: string; data: string });
  }

  private encryptWithDatabaseKey(plain: string): { iv: string; tag: string; data: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.numberKey32, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  private decryptWithDatabaseKey(stored: { iv: string; tag: string; data: string }): string | undefined {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.numberKey32, Buffer.from(stored.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(stored.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(stored.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
