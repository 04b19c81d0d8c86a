import { MongoServerError, ObjectId, type Collection, type Db, type Document } from 'mongodb';
import { z } from 'zod';
import type { Referral } from '../referrals/schema';
import { Collections } from '../store/collections';
import type { FieldCipher } from '../store/fieldCipher';
import { fieldCipherOf } from '../store/fieldEncryption';
import {
  HANDOFF_SCHEMA_VERSION,
  HandoffSchema,
  RiskFlagSchema,
  type Actor,
  type Handoff,
  type HandoffReason,
  type HandoffStatus,
  type Outcome,
  type RiskFlag,
  type TranscriptEntry,
} from './schema';
import { openStoredHandoff, sealRiskFlag, sealTranscriptEntry, type StoredHandoff } from './sealing';
import { buildSummary, distinctRiskFlags, recordRiskFlags, riskFlagsRaised, type SummaryInput } from './summary';

/** Delivers a link worker's message to the person on their own channel. Wired to Direct Line / SMS by the app. */
export interface PersonMessenger {
  send(handoff: Handoff, text: string): Promise<void>;
}

export interface OpenHandoffInput extends SummaryInput {
  referral: Referral;
  reason: HandoffReason;
  /** Crisis handoffs are always urgent; other reasons may ask for it too. Urgency never goes back down. */
  urgent?: boolean;
  /** The person's conversation reference (e.g. TurnContext.getConversationReference), for replies; the latest one wins. */
  conversationReference?: Record<string, unknown>;
}

export interface CloseInput {
  outcome: Outcome;
  note?: string | null;
  /** When someone should next follow up: in the future and within a year. */
  followUpAt?: Date | null;
}

export class HandoffNotFoundError extends Error {
  constructor(id: string) {
    super(`There is no handoff ${id}.`);
  }
}

export type ConflictCode = 'claimLost' | 'notYours' | 'notClaimed' | 'closed';

/** The handoff is not in a state that allows this (someone else holds it, it is closed, ...). */
export class HandoffConflictError extends Error {
  constructor(
    readonly code: ConflictCode,
    message: string,
  ) {
    super(message);
  }
}

export class HandoffValidationError extends Error {}

const DUPLICATE_KEY = 11000;
/**
 * How often open() reads and tries again when the handoff changed under it (another request, a
 * relayed message). Each miss means another write landed, so this is only reached under a storm.
 */
const MAX_OPEN_ATTEMPTS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
/** "Within a year", with a day's grace for time zones and leap years. */
const MAX_FOLLOW_UP_MS = 366 * DAY_MS;
const ACTIVE: HandoffStatus[] = ['open', 'claimed'];

/** The driver would store an undefined property as null; keep absent things absent. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Same line, same time, same speaker: what $addToSet used to compare, now on opened values (sealing is randomised). */
function entryKey(entry: Record<string, unknown>): string {
  const worker = entry.linkWorker as { id?: unknown; email?: unknown } | undefined;
  return JSON.stringify([entry.from, entry.text, timeOf(entry.at), worker?.id, worker?.email, entry.delivered]);
}

function flagKey(flag: RiskFlag): string {
  return JSON.stringify([flag.rule, flag.message, flag.at.getTime(), flag.timesRaised, flag.lastAt?.getTime()]);
}

/** The stored flags as they are, so a handoff written before one flag per kind is told apart and tidied. */
function sameFlags(next: readonly RiskFlag[], stored: readonly RiskFlag[]): boolean {
  return next.length === stored.length && next.every((flag, i) => flagKey(flag) === flagKey(stored[i]));
}

/** The opened stored flags (none stored: an empty list), or undefined when this version cannot read them. */
function storedRiskFlags(stored: unknown): RiskFlag[] | undefined {
  if (stored === undefined) return [];
  const parsed = z.array(RiskFlagSchema).safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

function timeOf(at: unknown): unknown {
  return at instanceof Date ? at.getTime() : at;
}

/** The items whose key is not in `known` (nor earlier in `items`). */
function newOnly<T extends Record<string, unknown>>(items: readonly T[], known: unknown, key: (item: Record<string, unknown>) => string): T[] {
  const seen = new Set(Array.isArray(known) ? known.filter((k): k is Record<string, unknown> => k !== null && typeof k === 'object').map(key) : []);
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Matches the array only while it still has the length it was read with (absent stays absent). */
function unchangedLength(stored: unknown): Document {
  return Array.isArray(stored) ? { $size: stored.length } : { $exists: false };
}

function toObjectId(id: string | ObjectId): ObjectId | null {
  if (id instanceof ObjectId) return id;
  return /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : null;
}

/**
 * Handoffs in MongoDB. At most one active (open or claimed) handoff per person, enforced by a
 * unique index on `openFor` (the personKey while active, the handoff's own id once closed), so
 * asking again adds a reason instead of a second handoff. Claiming is one atomic
 * findOneAndUpdate from 'open', so two link workers can never both hold one.
 */
export class HandoffRepository {
  private readonly handoffs: Collection<StoredHandoff>;
  /** Seals what people and link workers wrote (see sealing.ts); off when no key is configured. */
  private readonly cipher: FieldCipher;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.handoffs = db.collection<StoredHandoff>(Collections.handoffs);
    this.cipher = fieldCipherOf(db);
  }

  /**
   * Opens a handoff for the referral, or adds the reason (and any new flags and transcript) to the active one.
   * New flags and lines are told apart from stored ones on their opened values (sealed copies of the
   * same line never compare equal), so this reads first and writes only if the flags and lines have
   * not changed since; a miss reads again. Flags are kept one per kind of risk (see recordRiskFlags),
   * so a person repeating crisis words does not grow the handoff.
   */
  async open(input: OpenHandoffInput): Promise<{ handoff: Handoff; created: boolean }> {
    const at = this.now();
    const personKey = input.referral.personKey;
    const urgent = input.urgent === true || input.reason === 'crisis';
    const summary = clean(buildSummary(input.referral, input));
    const transcript = newOnly((input.transcript ?? []).map((entry) => clean({ ...entry })), [], entryKey);
    const { raised, urgentMark } = riskFlagsRaised(input.referral, input);
    const reason = { reason: input.reason, at };
    for (let attempt = 0; attempt < MAX_OPEN_ATTEMPTS; attempt++) {
      const current = await this.handoffs.findOne({ openFor: personKey });
      if (!current) {
        const doc: StoredHandoff = {
          _id: new ObjectId(),
          openFor: personKey,
          schemaVersion: HANDOFF_SCHEMA_VERSION,
          personKey,
          status: 'open',
          urgent,
          reasons: [reason],
          summary: this.cipher.seal(summary),
          riskFlags: summary.riskFlags.map((flag) => sealRiskFlag(this.cipher, clean({ ...flag }))),
          transcript: transcript.map((entry) => sealTranscriptEntry(this.cipher, entry)),
          claimedBy: null,
          claimedAt: null,
          outcome: null,
          note: null,
          followUpAt: null,
          closedBy: null,
          closedAt: null,
          conversationReference: this.cipher.seal(input.conversationReference ?? null),
          createdAt: at,
          updatedAt: at,
        };
        try {
          await this.handoffs.insertOne(doc);
          return { handoff: this.read(doc), created: true };
        } catch (error) {
          // Two requests at once both tried to insert: the other won, so this one adds to it.
          if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) continue;
          throw error;
        }
      }
      const stored = openStoredHandoff(this.cipher, current);
      const storedFlags = storedRiskFlags(stored.riskFlags);
      const riskFlags = recordRiskFlags(storedFlags ?? [], raised, urgentMark);
      const newLines = newOnly(transcript, stored.transcript, entryKey);
      const filter: Document = { _id: current._id, openFor: personKey };
      const set: Document = { summary: this.cipher.seal({ ...summary, riskFlags }), updatedAt: at };
      if (input.conversationReference) set.conversationReference = this.cipher.seal(input.conversationReference);
      if (urgent) set.urgent = true;
      const push: Document = { reasons: reason };
      const sealedFlags = (flags: readonly RiskFlag[]) => flags.map((flag) => sealRiskFlag(this.cipher, clean({ ...flag })));
      if (!storedFlags) {
        // Stored flags this version cannot read are left as they are; this request's are added after them.
        if (raised.length > 0) push.riskFlags = { $each: sealedFlags(distinctRiskFlags(raised)) };
      } else if (!sameFlags(riskFlags, storedFlags)) {
        // One flag per kind, rewritten in place: only if nobody changed them since they were read.
        set.riskFlags = sealedFlags(riskFlags);
        filter.riskFlags = current.riskFlags ?? { $exists: false };
      }
      if (newLines.length > 0) {
        push.transcript = { $each: newLines.map((entry) => sealTranscriptEntry(this.cipher, entry)) };
        filter.transcript = unchangedLength(current.transcript);
      }
      const doc = await this.handoffs.findOneAndUpdate(filter, { $set: set, $push: push }, { returnDocument: 'after' });
      if (doc) return { handoff: this.read(doc), created: false };
      // Closed, or a flag or line was added since it was read: read it again.
    }
    throw new Error(`Could not add to an active handoff after ${MAX_OPEN_ATTEMPTS} tries: it kept changing.`);
  }

  async get(id: string | ObjectId): Promise<Handoff | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const doc = await this.handoffs.findOne({ _id });
    return doc ? this.read(doc) : null;
  }

  /** The person's active handoff (open or claimed), if any: e.g. to relay their messages. */
  async activeFor(personKey: string): Promise<Handoff | null> {
    const doc = await this.handoffs.findOne({ openFor: personKey });
    return doc ? this.read(doc) : null;
  }

  /** The queue: urgent first, then oldest first. Transcripts are left out (they can be long). */
  async list(statuses: readonly HandoffStatus[] = ACTIVE, limit = 200): Promise<Handoff[]> {
    const docs = await this.handoffs
      .find({ status: { $in: [...statuses] } }, { projection: { transcript: 0 } })
      .sort({ urgent: -1, createdAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => this.read({ ...doc, transcript: [] }));
  }

  /** Claims an open handoff for the actor; throws HandoffConflictError('claimLost') when someone else got there first. */
  async claim(id: string | ObjectId, actor: Actor): Promise<Handoff> {
    const _id = this.idOrThrow(id);
    const at = this.now();
    const doc = await this.handoffs.findOneAndUpdate(
      { _id, status: 'open' },
      { $set: { status: 'claimed', claimedBy: { id: actor.id, email: actor.email }, claimedAt: at, updatedAt: at } },
      { returnDocument: 'after' },
    );
    if (doc) return this.read(doc);
    const current = await this.getOrThrow(_id);
    if (current.status === 'closed') throw new HandoffConflictError('closed', 'This handoff is already closed.');
    throw new HandoffConflictError('claimLost', `${current.claimedBy?.email ?? 'Someone else'} has already claimed this handoff.`);
  }

  /** Puts a claimed handoff back in the queue. Only its holder may, unless `asAdmin`. */
  async release(id: string | ObjectId, actor: Actor, options: { asAdmin?: boolean } = {}): Promise<Handoff> {
    const _id = this.idOrThrow(id);
    const filter: Document = { _id, status: 'claimed' };
    if (!options.asAdmin) filter['claimedBy.id'] = actor.id;
    const doc = await this.handoffs.findOneAndUpdate(
      filter,
      { $set: { status: 'open', claimedBy: null, claimedAt: null, releasedAt: this.now(), updatedAt: this.now() } },
      { returnDocument: 'after' },
    );
    if (doc) return this.read(doc);
    throw await this.whyNotHeld(_id);
  }

  /** Throws unless the actor holds the handoff right now; returns it. */
  async heldBy(id: string | ObjectId, actor: Actor): Promise<Handoff> {
    const handoff = await this.getOrThrow(this.idOrThrow(id));
    if (handoff.status === 'claimed' && handoff.claimedBy?.id === actor.id) return handoff;
    throw await this.whyNotHeld(handoff._id);
  }

  /** Adds a link worker's message to the transcript (after the caller tried to deliver it). */
  async recordLinkWorkerMessage(id: string | ObjectId, actor: Actor, text: string, delivered: boolean): Promise<TranscriptEntry> {
    const entry: TranscriptEntry = { from: 'linkWorker', text, at: this.now(), linkWorker: { id: actor.id, email: actor.email }, delivered };
    await this.append(this.idOrThrow(id), entry);
    return entry;
  }

  /** Rebuilds the active handoff's summary from the referral as it is now (e.g. after activities were picked). */
  async refreshSummary(referral: Referral, input: SummaryInput = {}): Promise<boolean> {
    const current = await this.handoffs.findOne({ openFor: referral.personKey });
    if (!current) return false;
    const handoff = this.read(current);
    const summary = buildSummary(referral, { ...input, transcript: handoff.transcript, riskFlags: handoff.riskFlags });
    const result = await this.handoffs.updateOne(
      { _id: current._id, status: { $in: ACTIVE } },
      { $set: { summary: this.cipher.seal(clean(summary)), updatedAt: this.now() } },
    );
    return result.matchedCount > 0;
  }

  /** The status of the person's active handoff, if any: a small read for every turn of someone waiting. */
  async activeStatusFor(personKey: string): Promise<HandoffStatus | undefined> {
    const doc = await this.handoffs.findOne({ openFor: personKey }, { projection: { status: 1 } });
    return doc?.status;
  }

  /** Adds what the person said to their active handoff (e.g. relayed during a live chat). False when none is active. */
  async recordPersonMessage(personKey: string, text: string): Promise<boolean> {
    const at = this.now();
    const result = await this.handoffs.updateOne({ openFor: personKey }, {
      $push: { transcript: sealTranscriptEntry(this.cipher, { from: 'person', text, at }) },
      $set: { updatedAt: at },
    });
    return result.matchedCount > 0;
  }

  /** Closes with an outcome. Only the holder may, unless `asAdmin` (who may also close an unclaimed one). */
  async close(id: string | ObjectId, actor: Actor, input: CloseInput, options: { asAdmin?: boolean } = {}): Promise<Handoff> {
    const _id = this.idOrThrow(id);
    const at = this.now();
    const problem = followUpProblem(input.followUpAt ?? null, at);
    if (problem) throw new HandoffValidationError(problem);
    const filter: Document = options.asAdmin ? { _id, status: { $in: ACTIVE } } : { _id, status: 'claimed', 'claimedBy.id': actor.id };
    const doc = await this.handoffs.findOneAndUpdate(
      filter,
      {
        $set: {
          status: 'closed',
          outcome: input.outcome,
          note: this.cipher.seal(input.note ?? null),
          followUpAt: input.followUpAt ?? null,
          closedBy: { id: actor.id, email: actor.email },
          closedAt: at,
          updatedAt: at,
          // Frees the person's slot so a later request opens a new handoff.
          openFor: _id.toHexString(),
        },
      },
      { returnDocument: 'after' },
    );
    if (doc) return this.read(doc);
    throw await this.whyNotHeld(_id);
  }

  /** Deletes every handoff of a person (their "delete my data"). Returns how many. */
  async eraseFor(personKey: string): Promise<number> {
    return (await this.handoffs.deleteMany({ personKey })).deletedCount;
  }

  private async append(_id: ObjectId, entry: TranscriptEntry): Promise<void> {
    const result = await this.handoffs.updateOne({ _id }, {
      $push: { transcript: sealTranscriptEntry(this.cipher, clean({ ...entry })) },
      $set: { updatedAt: entry.at },
    });
    if (result.matchedCount === 0) throw new HandoffNotFoundError(_id.toHexString());
  }

  private async whyNotHeld(_id: ObjectId): Promise<Error> {
    const current = await this.getOrThrow(_id);
    if (current.status === 'closed') return new HandoffConflictError('closed', 'This handoff is already closed.');
    if (current.status === 'open') return new HandoffConflictError('notClaimed', 'Claim this handoff first.');
    return new HandoffConflictError('notYours', `${current.claimedBy?.email ?? 'Someone else'} holds this handoff.`);
  }

  private async getOrThrow(_id: ObjectId): Promise<Handoff> {
    const handoff = await this.get(_id);
    if (!handoff) throw new HandoffNotFoundError(_id.toHexString());
    return handoff;
  }

  private idOrThrow(id: string | ObjectId): ObjectId {
    const _id = toObjectId(id);
    if (!_id) throw new HandoffNotFoundError(String(id));
    return _id;
  }

  /** Every read comes here: sealed fields are opened before the schema sees them, so callers see plain handoffs. */
  private read(doc: Document): Handoff {
    const handoff = HandoffSchema.parse(openStoredHandoff(this.cipher, doc));
    // Flags gathered over every request while open (one per kind; older handoffs kept one per message).
    const riskFlags = distinctRiskFlags(handoff.riskFlags);
    return { ...handoff, riskFlags, summary: { ...handoff.summary, riskFlags } };
  }
}

/** What is wrong with a follow-up date, or undefined when it is fine (none at all is fine). */
export function followUpProblem(followUpAt: Date | null, now: Date): string | undefined {
  if (followUpAt === null) return undefined;
  if (Number.isNaN(followUpAt.getTime())) return 'The follow-up date is not a date.';
  if (followUpAt.getTime() <= now.getTime()) return 'The follow-up date must be in the future.';
  if (followUpAt.getTime() > now.getTime() + MAX_FOLLOW_UP_MS) return 'The follow-up date must be within a year.';
  return undefined;
}

export type { RiskFlag, TranscriptEntry };
