import { CHANNELS, type CoreEnv, claimDueTimers, fireTimer, recordTimerFailure } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { Sql } from "postgres";
import type { Logger } from "./log";
import { NotifiedLoop } from "./notified-loop";

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
export class TimerWorker extends NotifiedLoop {
  constructor(private readonly deps: { db: Db; sql: Sql; env: CoreEnv; log: Logger; pollMs: number }) {
    super({
      sql: deps.sql,
      channel: CHANNELS.timers,
      pollMs: deps.pollMs,
      log: deps.log,
      name: "timer round",
    });
  }

  protected override async round(signal: AbortSignal): Promise<{ full: boolean }> {
    const due = await claimDueTimers(this.deps.db, BATCH);
    for (let i = 0; i < due.length && !signal.aborted; i += PARALLEL)
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
    return { full: due.length === BATCH };
  }
}
