import { CHANNELS, type CoreEnv, claimDueTimers, fireTimer, recordTimerFailure } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { Sql } from "postgres";
import type { Logger } from "./log";
import { sleep } from "./sleep";

/** Timers claimed per round; a full round is followed by the next at once. */
const BATCH = 50;
/** Timers fired at the same time (each takes its chat's lock, so chats never mix). */
const PARALLEL = 8;

/**
 * Fires due durable timers (step timeouts, operator waits, logins, schedule runs) for every bot. Any
 * runtime may fire any timer: claims skip what others hold, and firing is exactly-once (core
 * timers/fire.ts). Polls every `pollMs` and wakes at once on NOTIFY switchboard_timers; a timer that
 * fell due while every runtime was down fires on the first round after start.
 */
export class TimerWorker {
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private loop: Promise<void> = Promise.resolve();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly deps: { db: Db; sql: Sql; env: CoreEnv; log: Logger; pollMs: number }) {}

  async start() {
    const listener = await this.deps.sql.listen(CHANNELS.timers, () => this.wake?.());
    this.unlisten = () => listener.unlisten();
    this.loop = this.run();
  }

  async stop() {
    this.abort.abort();
    this.wake?.();
    await this.unlisten?.().catch(() => {});
    await this.loop;
  }

  private async run() {
    const { signal } = this.abort;
    while (!signal.aborted) {
      let claimed = 0;
      try {
        claimed = await this.round();
      } catch (err) {
        this.deps.log("error", "timer round failed", { error: String(err) });
      }
      if (claimed === BATCH) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void sleep(this.deps.pollMs, signal).then(resolve);
      });
      this.wake = null;
    }
  }

  private async round(): Promise<number> {
    const due = await claimDueTimers(this.deps.db, BATCH);
    for (let i = 0; i < due.length && !this.abort.signal.aborted; i += PARALLEL)
      await Promise.all(
        due.slice(i, i + PARALLEL).map(async (timer) => {
          try {
            await fireTimer(this.deps.db, timer, this.deps.env);
          } catch (err) {
            const gaveUp = await recordTimerFailure(this.deps.db, timer, String(err));
            this.deps.log(
              gaveUp ? "error" : "warn",
              gaveUp ? "timer set aside after repeated failures" : "timer failed; will retry",
              {
                timerId: timer.id,
                kind: timer.kind,
                error: String(err),
              },
            );
          }
        }),
      );
    return due.length;
  }
}
