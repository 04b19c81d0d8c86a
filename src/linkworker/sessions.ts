import { ObjectId, type Collection, type Db } from 'mongodb';
import { z } from 'zod';
import { Collections } from '../store/collections';
import { hashToken, randomToken } from './csrf';

export interface SessionOptions {
  /** A session unused this long ends (default 30 minutes). */
  idleMs?: number;
  /** A session ends this long after login however busy it is (default 12 hours). */
  absoluteMs?: number;
}

export const DEFAULT_IDLE_MS = 30 * 60 * 1000;
export const DEFAULT_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** CSRF tokens kept per session: each dashboard tab may fetch its own without ending the others'. */
const MAX_CSRF_TOKENS = 5;

export const SessionSchema = z.object({
  /** SHA-256 of the session id: a copy of the database is no use for taking over a session. */
  _id: z.string(),
  accountId: z.instanceof(ObjectId),
  csrfHashes: z.array(z.string()).catch([]),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  idleExpiresAt: z.date(),
  absoluteExpiresAt: z.date(),
});
export type Session = z.infer<typeof SessionSchema>;

export interface NewSession {
  /** Goes in the cookie; never stored. */
  sessionId: string;
  /** Goes in the login response body; never stored. */
  csrfToken: string;
  session: Session;
}

/**
 * Sessions in MongoDB with idle and absolute expiry. Expiry is checked on every read (there are no
 * TTL indexes in the portable subset); `purgeExpired` tidies up old documents.
 */
export class SessionStore {
  private readonly sessions: Collection<Session>;
  readonly idleMs: number;
  readonly absoluteMs: number;

  constructor(
    db: Db,
    options: SessionOptions = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sessions = db.collection<Session>(Collections.linkWorkerSessions);
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.absoluteMs = options.absoluteMs ?? DEFAULT_ABSOLUTE_MS;
  }

  async create(accountId: ObjectId): Promise<NewSession> {
    const sessionId = randomToken();
    const csrfToken = randomToken();
    const at = this.now();
    const absoluteExpiresAt = new Date(at.getTime() + this.absoluteMs);
    const session: Session = {
      _id: hashToken(sessionId),
      accountId,
      csrfHashes: [hashToken(csrfToken)],
      createdAt: at,
      lastSeenAt: at,
      idleExpiresAt: this.idleExpiry(at, absoluteExpiresAt),
      absoluteExpiresAt,
    };
    await this.sessions.insertOne(session);
    return { sessionId, csrfToken, session };
  }

  /** The live session for this id, its idle clock restarted; null when unknown or expired. */
  async touch(sessionId: string): Promise<Session | null> {
    if (!sessionId || sessionId.length > 200) return null;
    const at = this.now();
    const doc = await this.sessions.findOne({ _id: hashToken(sessionId)});
    if (!doc) return null;
    const session = SessionSchema.safeParse(doc);
    if (!session.success || session.data.idleExpiresAt <= at || session.data.absoluteExpiresAt <= at) {
      await this.sessions.deleteOne({ _id: doc._id });
      return null;
    }
    const idleExpiresAt = this.idleExpiry(at, session.data.absoluteExpiresAt);
    await this.sessions.updateOne({ _id: doc._id }, { $set: { lastSeenAt: at, idleExpiresAt } });
    return { ...session.data, lastSeenAt: at, idleExpiresAt };
  }

  /** A further CSRF token for the session (e.g. for a dashboard tab opened after login). */
  async issueCsrfToken(session: Session): Promise<string> {
    const csrfToken = randomToken();
    await this.sessions.updateOne(
      { _id: session._id},
      { $push: { csrfHashes: { $each: [hashToken(csrfToken)], $slice: -MAX_CSRF_TOKENS } } },
    );
    return csrfToken;
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.deleteOne({ _id: hashToken(sessionId)});
  }

  /** Logs the account out everywhere; returns how many sessions ended. */
  async endAllFor(accountId: ObjectId): Promise<number> {
    const result = await this.sessions.deleteMany({ accountId });
    return result.deletedCount;
  }

  async countFor(accountId: ObjectId): Promise<number> {
    return this.sessions.countDocuments({ accountId });
  }

  /** Deletes sessions past either expiry; returns how many. */
  async purgeExpired(): Promise<number> {
    const at = this.now();
    const result = await this.sessions.deleteMany({ $or: [{ idleExpiresAt: { $lte: at } }, { absoluteExpiresAt: { $lte: at } }] });
    return result.deletedCount;
  }

  private idleExpiry(at: Date, absoluteExpiresAt: Date): Date {
    return new Date(Math.min(at.getTime() + this.idleMs, absoluteExpiresAt.getTime()));
  }
}
