import type { Collection, Db } from 'mongodb';
import { Collections } from '../store/collections';

export interface ThrottleRule {
  /** Failures allowed inside the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export interface LoginThrottleOptions {
  /** Per account (default: 5 failures in 15 minutes lock the account for 15 minutes). */
  account?: Partial<ThrottleRule>;
  /** Per IP address, across all accounts (default: 20 failures in 15 minutes block the address for 15 minutes). */
  ip?: Partial<ThrottleRule>;
}

const MINUTE = 60 * 1000;
export const DEFAULT_ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const DEFAULT_IP_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: 'account' | 'ip'; retryAfterMs: number };

interface ThrottleDoc {
  _id: string;
  failures?: Date[];
  lockedUntil?: Date;
}

/**
 * Slows down password guessing: an account locks for a while after repeated failures, and so
 * does an IP address guessing across many accounts. Kept in MongoDB so every process of a
 * deployment sees the same counts. Unknown emails count too, so a lock says nothing about
 * whether an account exists.
 */
export class LoginThrottle {
  private readonly throttle: Collection<ThrottleDoc>;
  private readonly accountRule: ThrottleRule;
  private readonly ipRule: ThrottleRule;

  constructor(
    db: Db,
    options: LoginThrottleOptions = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.throttle = db.collection<ThrottleDoc>(Collections.loginThrottle);
    this.accountRule = { ...DEFAULT_ACCOUNT_RULE, ...options.account };
    this.ipRule = { ...DEFAULT_IP_RULE, ...options.ip };
  }

  /** Whether a login attempt may go ahead at all (checked before the password). */
  async check(email: string, ip: string): Promise<ThrottleVerdict> {
    const at = this.now().getTime();
    const docs = await this.throttle.find({ _id: { $in: [accountKey(email), ipKey(ip)] } }).toArray();
    for (const doc of docs) {
      const until = doc.lockedUntil?.getTime() ?? 0;
      if (until > at) return { allowed: false, scope: doc._id.startsWith('ip:') ? 'ip' : 'account', retryAfterMs: until - at };
    }
    return { allowed: true };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.fail(accountKey(email), this.accountRule);
    await this.fail(ipKey(ip), this.ipRule);
  }

  /** A good login clears the account's failures (not the address's: one good password should not reset a spray). */
  async recordSuccess(email: string): Promise<void> {
    await this.throttle.deleteOne({ _id: accountKey(email) });
  }

  /** Deletes records with no lock in force and no failure inside the window (a tidy-up job); returns how many. */
  async purgeStale(): Promise<number> {
    const at = this.now().getTime();
    const windowMs = Math.max(this.accountRule.windowMs, this.ipRule.windowMs);
    const docs = await this.throttle.find({}).toArray();
    const stale = docs
      .filter((doc) => (doc.lockedUntil?.getTime() ?? 0) <= at && (doc.failures ?? []).every((f) => f.getTime() <= at - windowMs))
      .map((doc) => doc._id);
    if (stale.length === 0) return 0;
    return (await this.throttle.deleteMany({ _id: { $in: stale } })).deletedCount;
  }

  private async fail(key: string, rule: ThrottleRule): Promise<void> {
    const at = this.now();
    const doc = await this.throttle.findOneAndUpdate(
      { _id: key },
      { $push: { failures: { $each: [at], $slice: -rule.maxFailures } } },
      { upsert: true, returnDocument: 'after' },
    );
    const recent = (doc?.failures ?? []).filter((failure) => failure.getTime() > at.getTime() - rule.windowMs);
    if (recent.length >= rule.maxFailures) {
      await this.throttle.updateOne({ _id: key }, { $set: { lockedUntil: new Date(at.getTime() + rule.lockMs), failures: [] } });
    }
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
