/**
 * Time as the pacer sees it. Injected so the pacing rules are tested with a fake clock that tests
 * move by hand, instead of with real waits on a busy machine.
 */
export interface Clock {
  /** Milliseconds, monotonic enough for spacing sends (Date.now in production). */
  now(): number;
  /** Calls `fn` after `ms`; the returned function cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};
