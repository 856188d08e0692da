// A tiny "something changed" broadcast. Long-polling control requests re-check their condition
// whenever the store changes instead of polling on a timer, so waits return the moment a bot
// message lands and cost nothing while idle.

export class Notifier {
  private readonly waiters = new Set<() => void>();

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves true as soon as `check()` holds, false when `timeoutMs` passes or `signal` aborts. */
  async waitUntil(check: () => boolean, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + Math.max(0, timeoutMs);
    while (!check()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0 || signal?.aborted) return false;
      await this.nextChange(remaining, signal);
    }
    return true;
  }

  private nextChange(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }
}
