import { ObjectId, type Db } from 'mongodb';
import type { Request, Response, Server } from 'restify';
import { HANDOFF_STATUSES, type HandoffStatus } from '../handoff/schema';
import { Collections } from '../store/collections';
import { declareIndexes } from '../store/indexes';
import { API_PREFIX, authenticateLinkWorker, readCookie, SESSION_COOKIE, type LinkWorkerApiDeps } from './api';
import { hashToken } from './csrf';
import { SessionSchema } from './sessions';

/**
 * Live updates for the dashboard: `GET /api/linkworker/events`, a Server-Sent Events stream of
 * `handoff` events ({ id, status, urgent, updatedAt }) whenever a handoff is opened, claimed,
 * released, closed or gets a message, and status `deleted` when an active one is erased (the
 * person's "delete my data"). The events say only that something changed; the dashboard
 * then reads the details through the JSON API (which checks access and audits views), so no
 * personal data travels on the stream.
 *
 * Where the events come from: one poll per app instance of the handoffs collection for documents
 * whose `updatedAt` moved (about once a second, only while someone is watching). Every change to
 * a handoff sets `updatedAt`, whichever instance (or the bot) made it, so this sees all of them
 * with no coupling to the code that writes; an in-process emitter would miss writes made by other
 * instances, and change streams need a replica set, which the embedded server does not have.
 */

/** An active handoff that is no longer in the database (erased), so no `updatedAt` can show it. */
export const DELETED = 'deleted';

export interface HandoffEvent {
  id: string;
  status: HandoffStatus | typeof DELETED;
  urgent: boolean;
  updatedAt: Date;
}

export type HandoffListener = (event: HandoffEvent) => void;

export interface ChangeFeedOptions {
  /** How often to look for changes while anyone listens (default 1 s). */
  pollMs?: number;
  /**
   * How far before the newest change seen each poll looks again (default 5 s), so a write that
   * commits late, or comes from an instance whose clock is a little behind, is still caught.
   * Changes already sent are remembered for this window and not sent twice.
   */
  lookbackMs?: number;
  log?: (line: string) => void;
}

/** Polled for changes: only `updatedAt` needs an index. */
declareIndexes(Collections.handoffs, [{ key: { updatedAt: 1 }, name: 'updatedAt_1' }]);

/** The queue's statuses: a handoff that leaves them without a trace was deleted. */
const ACTIVE_STATUSES: HandoffStatus[] = ['open', 'claimed'];

interface ChangeDoc {
  _id: { toHexString(): string };
  status?: unknown;
  urgent?: unknown;
  updatedAt?: unknown;
}

/** Polls the handoffs collection for changes and tells every listener. Polls only while someone listens. */
export class HandoffChangeFeed {
  private readonly listeners = new Set<HandoffListener>();
  private readonly pollMs: number;
  private readonly lookbackMs: number;
  private readonly log: (line: string) => void;
  /** The newest `updatedAt` seen (from the documents, so this instance's clock never matters). */
  private cursor: Date | null = null;
  /** `id@time` of changes already sent within the look-back window, with their time. */
  private readonly sent = new Map<string, number>();
  /** Ids of the active handoffs at the last poll, to notice one deleted (a deletion leaves no `updatedAt`). */
  private active = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private failing = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    options: ChangeFeedOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.lookbackMs = options.lookbackMs ?? 5000;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: HandoffListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** One look for changes (the timer calls this; tests may too). */
  poll(): Promise<void> {
    this.polling ??= this.pollNow().finally(() => (this.polling = undefined));
    return this.polling;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.stop();
    await this.polling;
  }

  private start(): void {
    if (this.closed) return;
    // A fresh start: only changes from now on (the dashboard reads the current state itself).
    this.cursor = null;
    this.sent.clear();
    this.active.clear();
    const tick = async () => {
      await this.poll();
      if (this.listeners.size > 0 && !this.closed) this.timer = setTimeout(tick, this.pollMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async pollNow(): Promise<void> {
    const handoffs = this.db.collection(Collections.handoffs);
    try {
      if (this.cursor === null) {
        const newest = await handoffs.find({}, { projection: { updatedAt: 1 } }).sort({ updatedAt: -1 }).limit(1).toArray();
        const at = newest[0]?.updatedAt;
        const cursor = at instanceof Date ? at : new Date(0);
        // Changes already in the look-back window count as sent: they happened before anyone listened.
        const recent = (await handoffs
          .find({ updatedAt: { $gt: new Date(cursor.getTime() - this.lookbackMs) } }, { projection: { updatedAt: 1 } })
          .toArray()) as ChangeDoc[];
        for (const doc of recent) {
          if (doc.updatedAt instanceof Date) this.sent.set(`${doc._id.toHexString()}@${doc.updatedAt.getTime()}`, doc.updatedAt.getTime());
        }
        this.active = await this.activeIds();
        this.cursor = cursor;
        this.failing = false;
        return;
      }
      const since = new Date(this.cursor.getTime() - this.lookbackMs);
      const docs = (await handoffs
        .find({ updatedAt: { $gt: since } }, { projection: { status: 1, urgent: 1, updatedAt: 1 } })
        .sort({ updatedAt: 1 })
        .limit(1000)
        .toArray()) as ChangeDoc[];
      this.failing = false;
      for (const doc of docs) {
        if (!(doc.updatedAt instanceof Date)) continue;
        const id = doc._id.toHexString();
        const at = doc.updatedAt.getTime();
        const key = `${id}@${at}`;
        if (this.sent.has(key)) continue;
        this.sent.set(key, at);
        if (at > this.cursor.getTime()) this.cursor = doc.updatedAt;
        const status = HANDOFF_STATUSES.find((s) => s === doc.status);
        if (!status) continue;
        this.emit({ id, status, urgent: doc.urgent === true, updatedAt: doc.updatedAt });
      }
      const forgetBefore = this.cursor.getTime() - this.lookbackMs;
      for (const [key, at] of this.sent) if (at <= forgetBefore) this.sent.delete(key);
      await this.emitDeletions();
    } catch (error) {
      // Say so once per outage, not once a second; keep trying.
      if (!this.failing) this.log(`Link-worker events: could not read handoff changes: ${(error as Error).message}`);
      this.failing = true;
    }
  }

  /** Ids of the handoffs in the queue now (ids only: cheap enough once a second). */
  private async activeIds(): Promise<Set<string>> {
    const docs = (await this.db
      .collection(Collections.handoffs)
      .find({ status: { $in: ACTIVE_STATUSES } }, { projection: { _id: 1 } })
      .toArray()) as ChangeDoc[];
    return new Set(docs.map((doc) => doc._id.toHexString()));
  }

  /** Tells listeners about active handoffs that are gone from the database (not just closed: closing is a change). */
  private async emitDeletions(): Promise<void> {
    const now = await this.activeIds();
    const left = [...this.active].filter((id) => !now.has(id));
    this.active = now;
    if (left.length === 0) return;
    const stillThere = (await this.db
      .collection(Collections.handoffs)
      .find({ _id: { $in: left.map((id) => new ObjectId(id)) } }, { projection: { _id: 1 } })
      .toArray()) as ChangeDoc[];
    const kept = new Set(stillThere.map((doc) => doc._id.toHexString()));
    const at = new Date();
    for (const id of left) if (!kept.has(id)) this.emit({ id, status: DELETED, urgent: false, updatedAt: at });
  }

  private emit(event: HandoffEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log(`Link-worker events: a listener failed: ${(error as Error).message}`);
      }
    }
  }
}

export interface EventStreamOptions {
  /** A comment line this often keeps proxies from closing a quiet stream (default 15 s). */
  heartbeatMs?: number;
  /** How often the stream checks its session still stands (default 5 s), to close soon after logout or expiry. */
  sessionCheckMs?: number;
  /** When the browser should reconnect after a dropped stream (default 3 s). */
  retryMs?: number;
}

export interface EventStreamDeps extends Pick<LinkWorkerApiDeps, 'sessions' | 'accounts'> {
  db: Db;
  feed: HandoffChangeFeed;
}

export interface EventStreams {
  /** How many streams are open now. */
  readonly open: number;
  /** Ends every open stream (before the server closes). */
  closeAll(): void;
}

/**
 * Registers `GET /api/linkworker/events`. It needs the same session cookie as the JSON API (401
 * without one). While open it does not keep the session alive: the idle timeout still ends it,
 * and the stream then sends an `ended` event and closes, as it does after logout.
 */
export function registerLinkWorkerEvents(server: Server, deps: EventStreamDeps, options: EventStreamOptions = {}): EventStreams {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const sessionCheckMs = options.sessionCheckMs ?? 5_000;
  const retryMs = options.retryMs ?? 3_000;
  const sessions = deps.db.collection(Collections.linkWorkerSessions);
  const enders = new Set<() => void>();

  /** Whether the session still stands, read without restarting its idle clock. */
  async function sessionStands(sessionId: string): Promise<boolean> {
    const doc = await sessions.findOne({ _id: hashToken(sessionId) as never });
    const session = SessionSchema.safeParse(doc);
    if (!session.success) return false;
    const now = Date.now();
    return session.data.idleExpiresAt.getTime() > now && session.data.absoluteExpiresAt.getTime() > now;
  }

  server.get(`${API_PREFIX}/events`, async (req: Request, res: Response) => {
    const caller = await authenticateLinkWorker(deps, req);
    if (!caller) {
      res.header('Cache-Control', 'no-store');
      res.status(401);
      res.send({ error: { code: 'unauthenticated', message: 'Please log in.' } });
      return;
    }
    const sessionId = readCookie(req, SESSION_COOKIE) as string;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    res.socket?.setNoDelay(true);
    res.write(`retry: ${retryMs}\n: connected\n\n`);

    await new Promise<void>((resolve) => {
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(sessionCheck);
        enders.delete(end);
        if (!res.writableEnded) res.end();
        resolve();
      };
      const unsubscribe = deps.feed.subscribe((event) => {
        res.write(`event: handoff\ndata: ${JSON.stringify({ ...event, updatedAt: event.updatedAt.toISOString() })}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
      const sessionCheck = setInterval(() => {
        sessionStands(sessionId).then(
          (stands) => {
            if (stands || ended) return;
            res.write('event: ended\ndata: {}\n\n');
            end();
          },
          () => undefined, // the database is unreachable for a moment: check again next time
        );
      }, sessionCheckMs);
      enders.add(end);
      // The response's close, not the request's: a request may count as closed once its (empty) body is read.
      res.once('close', end);
      if (!res.socket || res.socket.destroyed) end();
    });
  });

  return {
    get open() {
      return enders.size;
    },
    closeAll() {
      for (const end of [...enders]) end();
    },
  };
}
