import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Collection, Db, Document, ObjectId } from 'mongodb';
import { isWithinSendWindow, nextSendTime, type SendWindow } from './quietHours';
import { Collections } from '../store/collections';
import { followUpsCollection } from './schedule';
import { FollowUpJobSchema, INTERRUPTED, OPTED_OUT, type FollowUpJob } from './schema';

/** Sends one follow-up (renders the text and looks up the number itself, at send time). */
export interface FollowUpSender {
  send(job: FollowUpJob): Promise<{ providerId?: string }>;
}

/** Has the person opted out (e.g. texted STOP)? Asked at send time, not when scheduling. */
export interface OptOutCheck {
  isOptedOut(personKey: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

/**
 * Thrown by a sender when this follow-up can never be delivered (no referral any more, the
 * person wants no contact, no SMS number): the job is 'skipped' with the reason, not retried.
 */
export class FollowUpUndeliverable extends Error {
  constructor(readonly reason: string) {
    super(`Follow-up not deliverable: ${reason}`);
    this.name = 'FollowUpUndeliverable';
  }
}

export interface FollowUpWorkerOptions {
  db: Db;
  sender: FollowUpSender;
  optOuts: OptOutCheck;
  window: SendWindow;
  clock?: Clock;
  /** Names this worker in leases; unique per process by default. */
  owner?: string;
  /** How long a claim holds. Longer than any send can take (the provider client times out sooner). */
  leaseMs?: number;
  /** Sends tried before a job is 'failed'. */
  maxAttempts?: number;
  /** First retry delay; each further retry waits twice as long. */
  retryBaseMs?: number;
  /** Pause between runs when nothing is due (start/stop loop). */
  pollMs?: number;
  /** How long a follow-up waits when a link worker is holding the person's chat (default: a day). */
  heldChatDelayMs?: number;
  log?: (line: string) => void;
}

export interface RunSummary {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
  /** Claimed in quiet hours, or while a link worker holds the person's chat, and put back for later. */
  deferred: number;
  /** Claims whose worker vanished before it began sending: put back to pending. */
  released: number;
  /** Claims whose worker vanished while sending: 'failed' with lastError 'interrupted'. */
  interrupted: number;
}

type Outcome = 'sent' | 'skipped' | 'retried' | 'failed' | 'deferred' | 'lost';

const DAY_MS = 24 * 60 * 60 * 1000;

const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/**
 * Sends due follow-ups, safely with any number of processes.
 *
 * Each job is claimed alone with one atomic findOneAndUpdate (pending and due -> sending, with a
 * lease naming this worker), so two workers never hold the same job. Every later write is
 * conditional on this worker still holding the lease, so a worker that stalled cannot overwrite
 * a job someone else has taken over.
 *
 * The interrupted rule (a worker crashed, e.g. SIGKILL, and its lease ran out):
 * - it had NOT begun sending (no `inFlightSince`): nothing can have reached the provider, so the
 *   job goes back to pending and is sent later, once;
 * - it HAD begun sending (`inFlightSince` set): the message may or may not have gone. It is never
 *   resent blindly (a double "did you go?" to someone who texted STOP in between, or to a shared
 *   phone, is worse than a missing one): the job becomes 'failed' with lastError 'interrupted' for
 *   a person to check in the provider's message log (`npm run followups`). If the crashed send does
 *   complete late, its own write still records 'sent'. The provider most likely had it, so a reply
 *   from the person counts as an answer (FollowUpSchedule.awaitingReply), and an answered job is
 *   recorded 'sent', not 'failed'.
 */
export class FollowUpWorker {
  private readonly jobs: Collection<Document>;
  private readonly clock: Clock;
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly pollMs: number;
  private readonly log: (line: string) => void;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: FollowUpWorkerOptions) {
    this.jobs = followUpsCollection(options.db) as unknown as Collection<Document>;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 5 * 60_000;
    this.pollMs = options.pollMs ?? 30_000;
    this.log = options.log ?? (() => undefined);
  }

  /** Recovers abandoned claims, then sends every due job one at a time until none is due (or stop() is called). */
  async runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { sent: 0, skipped: 0, retried: 0, failed: 0, deferred: 0, released: 0, interrupted: 0 };
    // A run asked for directly (not by the start() loop) goes ahead even after an earlier stop().
    if (!this.loop) this.stopping = false;
    Object.assign(summary, await this.recoverExpiredLeases());
    while (!this.stopping) {
      const job = await this.claim();
      if (!job) break;
      const outcome = await this.process(job);
      if (outcome !== 'lost') summary[outcome] += 1;
    }
    return summary;
  }

  /** Runs until stop(): a run, then a pause of pollMs. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = (async () => {
      while (!this.stopping) {
        try {
          await this.runOnce();
        } catch (error) {
          // A database hiccup: claims already taken are recovered by lease expiry, so just try again later.
          this.log(`Follow-up worker: run failed (${describeError(error)}); trying again in ${this.pollMs} ms`);
        }
        if (this.stopping) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    })();
  }

  /** Graceful: the job in hand is finished and recorded, no new job is claimed. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async recoverExpiredLeases(): Promise<Pick<RunSummary, 'released' | 'interrupted'>> {
    const now = this.clock.now();
    const expired = { status: 'sending', 'lease.until': { $lt: now } };
    const released = await this.jobs.updateMany(
      { ...expired, inFlightSince: { $exists: false } },
      { $set: { status: 'pending', updatedAt: now }, $unset: { lease: '' } },
    );
    // The person answered it meanwhile, so it went: sent (markReplied set sentAt), not interrupted.
    await this.jobs.updateMany(
      { ...expired, inFlightSince: { $exists: true }, answer: { $exists: true } },
      { $set: { status: 'sent', updatedAt: now }, $unset: { lease: '', inFlightSince: '', lastError: '' } },
    );
    // The lease (owner) is kept so the crashed send, should it finish after all, can still record 'sent'.
    const interrupted = await this.jobs.updateMany(
      { ...expired, inFlightSince: { $exists: true }, answer: { $exists: false } },
      { $set: { status: 'failed', lastError: INTERRUPTED, updatedAt: now } },
    );
    if (interrupted.modifiedCount > 0) {
      this.log(
        `Follow-up worker: ${interrupted.modifiedCount} follow-up(s) interrupted mid-send; a reply still counts as an answer. ` +
          "Check the provider's log, then `npm run followups -- list` / `retry <id>` to send one again",
      );
    }
    return { released: released.modifiedCount, interrupted: interrupted.modifiedCount };
  }

  private async claim(): Promise<FollowUpJob | null> {
    const now = this.clock.now();
    const doc = await this.jobs.findOneAndUpdate(
      { status: 'pending', dueAt: { $lte: now } },
      { $set: { status: 'sending', lease: { owner: this.owner, until: new Date(now.getTime() + this.leaseMs) }, updatedAt: now } },
      { sort: { dueAt: 1 }, returnDocument: 'after' },
    );
    return doc ? FollowUpJobSchema.parse(doc) : null;
  }

  private async process(job: FollowUpJob): Promise<Outcome> {
    const now = this.clock.now();
    if (!isWithinSendWindow(now, this.options.window)) {
      const dueAt = nextSendTime(now, this.options.window);
      return (await this.finish(job._id, { status: 'pending', dueAt })) ? 'deferred' : 'lost';
    }
    if (await this.options.optOuts.isOptedOut(job.personKey)) {
      return (await this.finish(job._id, { status: 'skipped', lastError: OPTED_OUT })) ? 'skipped' : 'lost';
    }
    if (await this.linkWorkerHoldsChat(job.personKey)) {
      // Their "1" or "2" must reach the link worker, not answer a check-in: ask once the chat is over.
      const dueAt = new Date(now.getTime() + (this.options.heldChatDelayMs ?? DAY_MS));
      return (await this.finish(job._id, { status: 'pending', dueAt })) ? 'deferred' : 'lost';
    }
    const attempts = job.attempts + 1;
    // From here on the message may reach the provider: mark it, unless the lease has been lost.
    const marked = await this.jobs.updateOne(
      { _id: job._id, status: 'sending', 'lease.owner': this.owner, 'lease.until': { $gt: this.clock.now() } },
      { $set: { inFlightSince: this.clock.now(), attempts } },
    );
    if (marked.modifiedCount === 0) return 'lost';

    try {
      const { providerId } = await this.options.sender.send({ ...job, attempts });
      const sent: Document = { status: 'sent', sentAt: this.clock.now() };
      if (providerId) sent.providerId = providerId;
      return (await this.finish(job._id, sent, { afterSend: true })) ? 'sent' : 'lost';
    } catch (error) {
      if (error instanceof FollowUpUndeliverable) {
        return (await this.finish(job._id, { status: 'skipped', lastError: error.reason }, { afterSend: true })) ? 'skipped' : 'lost';
      }
      const lastError = describeError(error);
      if (attempts >= this.maxAttempts) {
        this.log(`Follow-up worker: gave up after ${attempts} attempts (${lastError})`);
        return (await this.finish(job._id, { status: 'failed', lastError }, { afterSend: true })) ? 'failed' : 'lost';
      }
      const dueAt = new Date(this.clock.now().getTime() + this.retryBaseMs * 2 ** (attempts - 1));
      return (await this.finish(job._id, { status: 'pending', dueAt, lastError }, { afterSend: true })) ? 'retried' : 'lost';
    }
  }

  /** Whether a link worker has claimed the person's handoff (a live chat), as the handoff desk records it. */
  private async linkWorkerHoldsChat(personKey: string): Promise<boolean> {
    const held = await this.options.db.collection(Collections.handoffs).findOne({ openFor: personKey, status: 'claimed' }, { projection: { _id: 1 } });
    return held !== null;
  }

  /**
   * Ends this worker's hold on a job. Only while it still holds the lease; after a send, also when
   * the job was meanwhile marked interrupted (what actually happened beats the guess).
   */
  private async finish(id: ObjectId, fields: Document, options: { afterSend?: boolean } = {}): Promise<boolean> {
    const held = options.afterSend
      ? { $or: [{ status: 'sending' }, { status: 'failed', lastError: INTERRUPTED }] }
      : { status: 'sending' };
    const result = await this.jobs.updateOne(
      { _id: id, 'lease.owner': this.owner, ...held },
      { $set: { ...fields, updatedAt: this.clock.now() }, $unset: unsetFor(fields) },
    );
    return result.modifiedCount > 0;
  }
}

/** The lease and in-flight mark always go; an old error goes once the job has a fresh outcome without one. */
function unsetFor(fields: Document): Document {
  const unset: Document = { lease: '', inFlightSince: '' };
  if (!('lastError' in fields)) unset.lastError = '';
  return unset;
}

/** What went wrong, short and without anything that looks like a phone number. */
export function describeError(error: unknown): string {
  const e = error as { name?: unknown; code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' || typeof e?.code === 'number' ? ` ${e.code}` : '';
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return `${name}${code}: ${message}`.replace(/\+?\d[\d\s-]{6,}\d/g, '[number]').slice(0, 200);
}
