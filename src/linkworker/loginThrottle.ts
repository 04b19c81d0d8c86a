import { randomUUID } from 'node:crypto';
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
  /** Per IP address, across all accounts (default: 20 failures in 15 minutes limit the address for 15 minutes; see LoginThrottle). */
  ip?: Partial<ThrottleRule>;
}

const MINUTE = 60 * 1000;
export const DEFAULT_ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const DEFAULT_IP_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** One login attempt counted before its password is checked; hand it back with the outcome. */
export interface Reservation {
  id: string;
  email: string;
  ip: string;
  /** Whether the attempt took one of the address's slots (not when the address was over its limit). */
  ipCounted: boolean;
}

export type ThrottleVerdict =
  | { allowed: true; reservation: Reservation }
  | { allowed: false; scope: 'account' | 'ip'; retryAfterMs: number };

/** An attempt counted against a key: a failure, or one still being checked. */
interface Attempt {
  id: string;
  at: Date;
}

interface ThrottleDoc {
  _id: string;
  attempts?: Attempt[];
  lockedUntil?: Date;
}

interface Slot {
  taken: boolean;
  /** The key is locked, or full at the rule's own limit. */
  exhausted: boolean;
  retryAfterMs: number;
}

const DUPLICATE_KEY = 11000;

/**
 * Slows down password guessing: an account locks for a while after repeated failures, and an IP
 * address guessing across many accounts is limited. Every attempt is counted (reserved) in one
 * atomic MongoDB update before its password is checked, so however many arrive at once, and on
 * however many processes, no more than the limits are ever checked in a window. Unknown emails
 * count too, so a lock says nothing about whether an account exists.
 *
 * An address over its limit is not locked out outright: from it, an account with no failed or
 * pending attempt in the window still gets one attempt. Behind a shared address (a proxy nobody
 * configured as trusted, an office network) a link worker typing the right password still gets
 * in, while a spray from the address gets at most one more guess per account.
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

  /** Counts a login attempt before the password is checked, or says why it may not go ahead. */
  async reserve(email: string, ip: string): Promise<ThrottleVerdict> {
    const id = randomUUID();
    const ipSlot = await this.take(ipKey(ip), this.ipRule, this.ipRule.maxFailures, id);
    // Over the address's limit, only an account with a clean window gets its one attempt.
    const accountBudget = ipSlot.taken ? this.accountRule.maxFailures : 1;
    const accountSlot = await this.take(accountKey(email), this.accountRule, accountBudget, id);
    if (accountSlot.taken) return { allowed: true, reservation: { id, email, ip, ipCounted: ipSlot.taken } };
    if (ipSlot.taken) await this.release(ipKey(ip), id);
    if (accountSlot.exhausted || ipSlot.taken) return { allowed: false, scope: 'account', retryAfterMs: accountSlot.retryAfterMs };
    return { allowed: false, scope: 'ip', retryAfterMs: Math.max(ipSlot.retryAfterMs, accountSlot.retryAfterMs) };
  }

  /** The password was wrong: the attempt stays counted, and a key at its limit locks. */
  async recordFailure(reservation: Reservation): Promise<void> {
    await this.lockIfFull(accountKey(reservation.email), this.accountRule);
    if (reservation.ipCounted) await this.lockIfFull(ipKey(reservation.ip), this.ipRule);
  }

  /**
   * A good login clears the account's failures. The address keeps its failures (one good password
   * should not reset a spray); only this attempt's own slot is given back.
   */
  async recordSuccess(reservation: Reservation): Promise<void> {
    await this.throttle.deleteOne({ _id: accountKey(reservation.email) });
    if (reservation.ipCounted) await this.release(ipKey(reservation.ip), reservation.id);
  }

  /** The attempt never got an answer (e.g. the database failed mid-check): its slots are given back. */
  async cancel(reservation: Reservation): Promise<void> {
    await this.release(accountKey(reservation.email), reservation.id);
    if (reservation.ipCounted) await this.release(ipKey(reservation.ip), reservation.id);
  }

  /** Deletes records with no lock in force and no attempt inside the window (a tidy-up job); returns how many. */
  async purgeStale(): Promise<number> {
    const at = this.now().getTime();
    const windowMs = Math.max(this.accountRule.windowMs, this.ipRule.windowMs);
    const docs = await this.throttle.find({}).toArray();
    const stale = docs
      .filter((doc) => (doc.lockedUntil?.getTime() ?? 0) <= at && (doc.attempts ?? []).every((a) => a.at.getTime() <= at - windowMs))
      .map((doc) => doc._id);
    if (stale.length === 0) return 0;
    return (await this.throttle.deleteMany({ _id: { $in: stale } })).deletedCount;
  }

  /**
   * Adds our attempt in one conditional update (atomic on the document, in the portable subset): only
   * when the key is not locked and has fewer than `budget` attempts once those older than the window
   * are forgotten. "attempts.N does not exist" is "fewer than N+1 attempts".
   */
  private async take(key: string, rule: ThrottleRule, budget: number, id: string): Promise<Slot> {
    const at = this.now();
    await this.forgetOld(key, rule, at);
    const taken = await this.throttle.updateOne(
      { _id: key, $or: [{ lockedUntil: { $exists: false } }, { lockedUntil: { $lte: at } }], [`attempts.${budget - 1}`]: { $exists: false } },
      { $push: { attempts: { id, at } } },
    );
    const doc = await this.throttle.findOne({ _id: key });
    const attempts = doc?.attempts ?? [];
    const lockedUntil = doc?.lockedUntil?.getTime() ?? 0;
    const oldest = attempts[0]?.at.getTime() ?? at.getTime();
    return {
      taken: taken.modifiedCount === 1,
      exhausted: lockedUntil > at.getTime() || attempts.length >= rule.maxFailures,
      retryAfterMs: Math.max(lockedUntil - at.getTime(), oldest + rule.windowMs - at.getTime(), 1000),
    };
  }

  /** Drops attempts older than the window (creating the record if need be). Safe to repeat at any time. */
  private async forgetOld(key: string, rule: ThrottleRule, at: Date): Promise<void> {
    const cutoff = new Date(at.getTime() - rule.windowMs);
    try {
      await this.throttle.updateOne({ _id: key }, { $pull: { attempts: { at: { $lte: cutoff } } } }, { upsert: true });
    } catch (error) {
      // Two first attempts on a new key can race to create it: the record exists either way.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }

  private async release(key: string, id: string): Promise<void> {
    await this.throttle.updateOne({ _id: key }, { $pull: { attempts: { id } } });
  }

  private async lockIfFull(key: string, rule: ThrottleRule): Promise<void> {
    const at = this.now();
    await this.forgetOld(key, rule, at);
    await this.throttle.updateOne(
      { _id: key, [`attempts.${rule.maxFailures - 1}`]: { $exists: true } },
      { $set: { lockedUntil: new Date(at.getTime() + rule.lockMs), attempts: [] } },
    );
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
