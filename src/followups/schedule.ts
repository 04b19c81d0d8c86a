import { MongoServerError, type Collection, type Db, type Filter, type ObjectId } from 'mongodb';
import { Collections } from '../store/collections';
import { DEFAULT_FOLLOW_UP_CONFIG } from './config';
import {
  FOLLOW_UP_SCHEMA_VERSION,
  FollowUpJobSchema,
  INTERRUPTED,
  type FollowUpAnswer,
  type FollowUpJob,
  type FollowUpKind,
  type FollowUpStatus,
} from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const DUPLICATE_KEY = 11000;

/** Stored job shape without the driver's ObjectId requirement on insert. */
type JobDocument = Omit<FollowUpJob, '_id'> & { _id?: ObjectId };

export function followUpsCollection(db: Db): Collection<JobDocument> {
  return db.collection<JobDocument>(Collections.followUps);
}

export interface ReferralScheduleOptions {
  /** Days from the referral being ready to the check-in (FOLLOWUP_CHECKIN_DAYS, default 7). */
  checkInDays?: number;
  /** Weeks from the referral being ready to the ONS4 repeat (default 6). */
  ons4Weeks?: number;
}

/** Follow-ups that ask a 1/2/3 question, so a reply can be matched to them. */
const ASKS_FOR_REPLY: readonly FollowUpKind[] = ['referralCheckIn', 'linkWorkerFollowUp'];

/**
 * Texts the person has (or most likely has) received since `since`: sent, or handed to the provider
 * when the send was cut off (still 'sending' after a crash, or 'failed' as interrupted). Twilio had
 * such a text, so it most likely went, and a reply to it is an answer to it.
 */
function mayHaveReachedPerson(since: Date): Filter<JobDocument>[] {
  return [
    { status: 'sent', sentAt: { $gte: since } },
    { status: 'sending', inFlightSince: { $gte: since } },
    { status: 'failed', lastError: INTERRUPTED, inFlightSince: { $gte: since } },
  ];
}

/** A job as the reply code reads it: an interrupted text counts as sent when it went to the provider. */
function withLikelySentAt(job: FollowUpJob): FollowUpJob {
  return job.sentAt ? job : { ...job, sentAt: job.inFlightSince };
}

/**
 * Creates, moves and withdraws follow-up jobs. At most one job per person and kind (a unique
 * index), so scheduling twice, from two processes or after a restart, never makes two messages.
 */
export class FollowUpSchedule {
  private readonly jobs: Collection<JobDocument>;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.jobs = followUpsCollection(db);
  }

  /**
   * After a referral is ready: the "did you manage to try it?" check-in and the ONS4 repeat.
   * Idempotent: a kind the person already has (in any state) is left as it is.
   */
  async scheduleForReferral(personKey: string, readyAt: Date, options: ReferralScheduleOptions = {}): Promise<FollowUpKind[]> {
    const checkInDays = options.checkInDays ?? DEFAULT_FOLLOW_UP_CONFIG.checkInDays;
    const ons4Weeks = options.ons4Weeks ?? DEFAULT_FOLLOW_UP_CONFIG.ons4Weeks;
    const wanted: [FollowUpKind, Date][] = [
      ['referralCheckIn', new Date(readyAt.getTime() + checkInDays * DAY_MS)],
      ['ons4Repeat', new Date(readyAt.getTime() + ons4Weeks * 7 * DAY_MS)],
    ];
    const created: FollowUpKind[] = [];
    for (const [kind, dueAt] of wanted) {
      if (await this.createIfAbsent(personKey, kind, dueAt)) created.push(kind);
    }
    return created;
  }

  /**
   * The link worker's chosen follow-up date. One such job per person: a new date re-arms it
   * (pending again, attempts reset), whatever happened to the last one. A job being sent at this
   * very moment is left alone and 'inFlight' returned: ask again once it has gone.
   */
  async scheduleLinkWorkerFollowUp(personKey: string, at: Date): Promise<'scheduled' | 'inFlight'> {
    const now = this.now();
    try {
      await this.jobs.updateOne(
        { personKey, kind: 'linkWorkerFollowUp', status: { $ne: 'sending' } },
        {
          $set: { dueAt: at, status: 'pending', attempts: 0, updatedAt: now },
          $unset: { lastError: '', lease: '', inFlightSince: '', sentAt: '', providerId: '', answer: '', repliedAt: '' },
          $setOnInsert: { schemaVersion: FOLLOW_UP_SCHEMA_VERSION, createdAt: now },
        },
        { upsert: true },
      );
      return 'scheduled';
    } catch (error) {
      // The filter missed only because the job is 'sending', so the upsert hit the unique index.
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return 'inFlight';
      throw error;
    }
  }

  /** Withdraws every follow-up not yet sent (the person opted out). Returns how many. */
  async cancelFor(personKey: string): Promise<number> {
    const result = await this.jobs.updateMany(
      { personKey, status: 'pending' },
      { $set: { status: 'cancelled', updatedAt: this.now() }, $unset: { lease: '' } },
    );
    return result.modifiedCount;
  }

  /** "Delete my data": removes the person's jobs entirely (a job names the person by key). */
  async eraseFor(personKey: string): Promise<number> {
    return (await this.jobs.deleteMany({ personKey })).deletedCount;
  }

  /** The person's jobs, oldest due first (for link workers and tests). */
  async listFor(personKey: string): Promise<FollowUpJob[]> {
    const docs = await this.jobs.find({ personKey }).sort({ dueAt: 1 }).toArray();
    return docs.map((doc) => FollowUpJobSchema.parse(doc));
  }

  /**
   * The most recent check-in texted to the person within `withinDays` that has no answer yet: an
   * inbound "1", "2" or "3" is read as the answer to it. A check-in whose send was interrupted
   * counts too (see `mayHaveReachedPerson`); its `sentAt` then reads as when it went to the provider.
   */
  async awaitingReply(personKey: string, withinDays = 14): Promise<FollowUpJob | null> {
    return this.latestUnanswered({ personKey, kind: { $in: [...ASKS_FOR_REPLY] } }, withinDays);
  }

  /**
   * The six-week wellbeing text sent lately (or interrupted mid-send) and not yet answered. Its
   * job's `answer` reads 'went' for "yes, ask me" and 'notYet' for "not now".
   */
  async awaitingWellbeingRepeat(personKey: string, withinDays = 14): Promise<FollowUpJob | null> {
    return this.latestUnanswered({ personKey, kind: 'ons4Repeat' }, withinDays);
  }

  /**
   * Records the answer on the job (the referral keeps its own copy). A reply shows an interrupted
   * text did reach the person, so that job now reads as sent (when it went to the provider) and
   * answered, not failed.
   */
  async markReplied(id: ObjectId, answer: FollowUpAnswer): Promise<void> {
    const now = this.now();
    const replied = { answer, repliedAt: now, updatedAt: now };
    const job = await this.jobs.findOne({ _id: id });
    if (job && job.status !== 'sent' && job.inFlightSince) {
      const likelySent = { sentAt: job.sentAt ?? job.inFlightSince };
      const wentAfterAll = await this.jobs.updateOne(
        { _id: id, status: 'failed', lastError: INTERRUPTED },
        { $set: { ...replied, ...likelySent, status: 'sent' }, $unset: { lastError: '', lease: '', inFlightSince: '' } },
      );
      if (wentAfterAll.modifiedCount > 0) return;
      // Still 'sending' (its worker may yet record the real send): the worker's recovery reads the answer.
      await this.jobs.updateOne({ _id: id, inFlightSince: { $exists: true } }, { $set: { ...replied, ...likelySent } });
      return;
    }
    await this.jobs.updateOne({ _id: id }, { $set: replied });
  }

  /** Follow-ups that failed (retries used up, or interrupted mid-send) for a person to look at, oldest first. */
  async listFailed(limit = 100): Promise<FollowUpJob[]> {
    const docs = await this.jobs.find({ status: 'failed' }).sort({ dueAt: 1 }).limit(limit).toArray();
    return docs.map((doc) => FollowUpJobSchema.parse(doc));
  }

  /**
   * A person checked a failed follow-up (e.g. an interrupted one in the provider's log: it never
   * went) and wants it tried again now. Only a failed job moves; returns whether it did.
   */
  async retryFailed(id: ObjectId): Promise<boolean> {
    const now = this.now();
    const result = await this.jobs.updateOne(
      { _id: id, status: 'failed' },
      { $set: { status: 'pending', dueAt: now, attempts: 0, updatedAt: now }, $unset: { lastError: '', lease: '', inFlightSince: '' } },
    );
    return result.modifiedCount > 0;
  }

  /**
   * For the retention job: deletes follow-ups that ended (sent, skipped, failed, cancelled) before
   * `before`, so job records naming a person do not outlive the retention period. Returns how many.
   */
  async purgeEndedBefore(before: Date): Promise<number> {
    const ended: FollowUpStatus[] = ['sent', 'skipped', 'failed', 'cancelled'];
    return (await this.jobs.deleteMany({ status: { $in: ended }, updatedAt: { $lt: before } })).deletedCount;
  }

  /** The unanswered text matching `filter` that reached (or may have reached) the person last, within `withinDays`. */
  private async latestUnanswered(filter: Filter<JobDocument>, withinDays: number): Promise<FollowUpJob | null> {
    const since = new Date(this.now().getTime() - withinDays * DAY_MS);
    const docs = await this.jobs.find({ ...filter, answer: { $exists: false }, $or: mayHaveReachedPerson(since) }).toArray();
    const jobs = docs.map((doc) => withLikelySentAt(FollowUpJobSchema.parse(doc)));
    jobs.sort((a, b) => (b.sentAt?.getTime() ?? 0) - (a.sentAt?.getTime() ?? 0));
    return jobs[0] ?? null;
  }

  private async createIfAbsent(personKey: string, kind: FollowUpKind, dueAt: Date): Promise<boolean> {
    const now = this.now();
    try {
      const result = await this.jobs.updateOne(
        { personKey, kind },
        {
          $setOnInsert: {
            schemaVersion: FOLLOW_UP_SCHEMA_VERSION,
            dueAt,
            status: 'pending',
            attempts: 0,
            createdAt: now,
            updatedAt: now,
          },
        },
        { upsert: true },
      );
      return result.upsertedCount > 0;
    } catch (error) {
      // Another process created it between our filter and our insert: it exists, which is the point.
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }
}
