/**
 * A small circuit breaker for a remote dependency. After `failureThreshold` consecutive failures it
 * opens for `coolDownMs`: callers skip the dependency entirely (no waiting on a service that is down).
 * After the cool-down one trial call is let through (half-open); success closes the circuit, failure
 * opens it again. The clock is injectable so tests can move time on without sleeping.
 */
export interface CircuitBreakerOptions {
  failureThreshold?: number;
  coolDownMs?: number;
  now?: () => number;
  /** Told when the circuit opens or closes (for an operator's log). */
  onChange?: (state: 'open' | 'closed', detail: string) => void;
}

/** Longest time a Retry-After may keep the circuit open: a wrong header must not switch CLU off for hours. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Leave to make one call; a trial is the single probe let through after a cool-down. */
export interface Permit {
  trial: boolean;
}

export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;
  private readonly onChange?: (state: 'open' | 'closed', detail: string) => void;
  private consecutiveFailures = 0;
  /** When set, the circuit is open until this time. */
  private openUntil: number | undefined;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 3;
    this.coolDownMs = options.coolDownMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.onChange = options.onChange;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openUntil === undefined) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /**
   * May a call go ahead now? Closed: yes. Open: no. Half-open: yes for exactly one caller (the trial);
   * the others keep skipping until the trial has answered.
   */
  tryAcquire(): Permit | undefined {
    const state = this.state;
    if (state === 'closed') return { trial: false };
    if (state === 'open' || this.trialInFlight) return undefined;
    this.trialInFlight = true;
    return { trial: true };
  }

  recordSuccess(permit: Permit): void {
    if (permit.trial) this.trialInFlight = false;
    const wasOpen = this.openUntil !== undefined;
    this.consecutiveFailures = 0;
    this.openUntil = undefined;
    if (wasOpen) this.onChange?.('closed', 'a call succeeded');
  }

  /** A failed call. `retryAfterMs` (from a 429) opens the circuit at once for that long. */
  recordFailure(permit: Permit, retryAfterMs?: number): void {
    const wasTrial = permit.trial;
    if (wasTrial) this.trialInFlight = false;
    this.consecutiveFailures += 1;
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      this.open(Math.min(retryAfterMs, MAX_RETRY_AFTER_MS), 'the service asked us to wait (Retry-After)');
    } else if (wasTrial) {
      this.open(this.coolDownMs, 'trial call failed');
    } else if (this.consecutiveFailures >= this.failureThreshold) {
      this.open(this.coolDownMs, `${this.consecutiveFailures} failures in a row`);
    }
  }

  private open(forMs: number, why: string): void {
    this.openUntil = this.now() + forMs;
    this.onChange?.('open', `${why}; skipping for ${Math.round(forMs / 1000)} s`);
  }
}
