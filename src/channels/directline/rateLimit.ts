/**
 * In-memory token buckets, one per key (an IP address, a conversation). Each process counts on
 * its own: with N instances behind a load balancer the effective limit is up to N times higher.
 * Good enough to stop a runaway client or a script; not a defence against a distributed attack
 * (put that in front: a WAF or the reverse proxy's own limits).
 */
export interface BucketSpec {
  /** Burst: requests allowed at once. */
  capacity: number;
  /** Steady rate: tokens added back per second. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Most keys remembered; beyond this the fullest (idle) buckets are forgotten first. */
const MAX_KEYS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly spec: BucketSpec,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait before trying again. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.spec.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.spec.perSecond);
      bucket.updatedAt = now;
    } else {
      if (this.buckets.size >= MAX_KEYS) this.sweep(now);
      bucket = { tokens: this.spec.capacity, updatedAt: now };
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.spec.perSecond));
  }

  /** Forgets buckets that have refilled (they behave exactly like new ones). */
  sweep(now = this.now()): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.spec.perSecond >= this.spec.capacity) this.buckets.delete(key);
    }
    // Still full of busy keys: drop the oldest rather than grow without bound.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < MAX_KEYS) break;
      this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
