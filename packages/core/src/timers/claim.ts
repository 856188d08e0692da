import { type TimerRow, timers } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import { redactBotTokens } from "../redact";

/** A claimed timer belongs to its runtime this long; if that runtime dies, another fires it after. */
export const TIMER_LEASE_MS = 60_000;
/** Failed firings are retried with backoff; after this many the timer is set aside with its error. */
export const MAX_TIMER_ATTEMPTS = 5;

/**
 * Claims due timers for this process: `FOR UPDATE SKIP LOCKED` so concurrent runtimes take different
 * rows, and a lease so a crash mid-fire hands the timer to someone else. Firing itself is exactly-once
 * (fire.ts re-checks the row in the transaction that marks it fired); the lease only spreads the work.
 */
export async function claimDueTimers(db: Db, limit: number): Promise<TimerRow[]> {
  const rows = await db.execute(sql`
    update ${timers} set claimed_until = now() + ${TIMER_LEASE_MS} * interval '1 millisecond',
                         attempts = attempts + 1
    where id in (
      select id from ${timers}
      where fired_at is null and cancelled_at is null and fire_at <= now()
        and (claimed_until is null or claimed_until < now())
      order by fire_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = (rows as unknown as { id: string }[]).map((r) => r.id);
  if (ids.length === 0) return [];
  const claimed = await db.query.timers.findMany({ where: (t, { inArray }) => inArray(t.id, ids) });
  return claimed.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

/** Firing threw: retry after a backoff, or give up after MAX_TIMER_ATTEMPTS (kept with its error). */
export async function recordTimerFailure(db: Db, timer: TimerRow, error: string) {
  const giveUp = timer.attempts >= MAX_TIMER_ATTEMPTS;
  await db
    .update(timers)
    .set({
      lastError: redactBotTokens(error).slice(0, 2000),
      claimedUntil: sql`now() + ${2 ** timer.attempts} * interval '1 second'`,
      ...(giveUp ? { cancelledAt: sql`now()` } : {}),
    })
    .where(eq(timers.id, timer.id));
  return giveUp;
}
