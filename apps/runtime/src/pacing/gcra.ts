/**
 * A rate as the generic cell rate algorithm sees it: one send every `intervalMs`, and up to `burst`
 * sends at once after a quiet spell. In any window of W ms at most `burst + W / intervalMs` go out.
 */
export interface RateLimit {
  intervalMs: number;
  /** At least 1 (1 = sends always at least `intervalMs` apart). */
  burst: number;
}

/** A rate of `perSecond` with a burst of `burst`. */
export function perSecond(perSecond: number, burst = 1): RateLimit {
  return { intervalMs: 1000 / perSecond, burst: Math.max(1, Math.floor(burst)) };
}

/**
 * GCRA ("leaky bucket as a meter"): one number, the theoretical arrival time (tat) of the next send.
 * A send may go at `now` when now ≥ tat − (burst − 1)·interval; it then moves tat one interval on.
 * Below the rate a send never waits; above it sends come out evenly spaced instead of in bursts
 * followed by silence (a fixed window refilled every second does the latter).
 */
export class GcraMeter {
  private tat = Number.NEGATIVE_INFINITY;

  /** The earliest time (≥ now) a send may go. */
  earliest(now: number, limit: RateLimit): number {
    return Math.max(now, this.tat - (limit.burst - 1) * limit.intervalMs);
  }

  /** Counts a send made at `now` (which must be ≥ earliest(now)). */
  take(now: number, limit: RateLimit): void {
    this.tat = Math.max(this.tat, now) + limit.intervalMs;
  }

  /** Undoes one `take` whose send did not happen (nothing was left to send). */
  refund(limit: RateLimit): void {
    this.tat -= limit.intervalMs;
  }

  /** Nothing may go before `at`; from then on sends are spaced at the rate (no burst right after). */
  holdUntil(at: number, limit: RateLimit): void {
    this.tat = Math.max(this.tat, at + (limit.burst - 1) * limit.intervalMs);
  }

  /** Nothing is owed any more: forgetting this meter changes nothing. */
  idleAt(now: number): boolean {
    return this.tat <= now;
  }
}
