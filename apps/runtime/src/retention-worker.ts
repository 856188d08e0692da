import { pruneHistory } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { Logger } from "./log";

/** How often history is pruned (realtime events, handled updates, bots' logs, finished jobs…). */
export const PRUNE_EVERY_MS = 3_600_000;

/**
 * Prunes every table that is only history, in one place (core retention/prune.ts says what is
 * kept how long): once shortly after start, then about hourly. Several runtimes may prune at once;
 * the deletes don't conflict, so no lock is taken.
 */
export class RetentionWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { db: Db; log: Logger; botLogKeepDays: number; everyMs?: number }) {}

  start() {
    this.running = this.prune();
    this.timer = setInterval(() => {
      this.running = this.prune();
    }, this.deps.everyMs ?? PRUNE_EVERY_MS);
  }

  async stop() {
    clearInterval(this.timer);
    await this.running;
  }

  private async prune() {
    try {
      const { failures } = await pruneHistory(this.deps.db, { botLogKeepDays: this.deps.botLogKeepDays });
      for (const f of failures) this.deps.log("warn", `pruning ${f.job} failed`, { error: String(f.error) });
    } catch (err) {
      this.deps.log("warn", "pruning failed", { error: String(err) });
    }
  }
}
