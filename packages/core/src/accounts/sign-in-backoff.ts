import { signInFailures } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db";

/**
 * Per-account backoff for password sign-in: failed attempts for one email lock that address's
 * sign-in for a growing time, whatever IP they come from (the IP rate limit alone lets a botnet, or
 * anyone behind a spoofable proxy, guess on). A success resets it. The lock refuses the right
 * password too, or it would tell a guesser when they hit it.
 */

/** Failures allowed before the first lock: room for typos. */
export const FREE_SIGN_IN_FAILURES = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 15 * 60_000;
/** A failure older than this no longer counts: the count starts again. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

/** How long the `failures`-th failure locks the address: 0 within the free ones, then 30 s doubling to 15 min. */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_SIGN_IN_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_SIGN_IN_FAILURES), LONGEST_LOCK_MS);
}

/** Emails are compared as better-auth stores them: trimmed, lower case. */
export const signInKey = (email: string) => email.trim().toLowerCase();

/** Until when sign-in with this address is refused, or null when it may be tried now. */
export async function signInLockedUntil(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(eq(signInFailures.email, signInKey(email)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failed attempt (atomically, so parallel guesses all count) and answers the lock it sets. */
export async function recordFailedSignIn(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString();
  const [row] = await db
    .insert(signInFailures)
    .values({ email: signInKey(email), failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: signInFailures.email,
      set: {
        failures: sql`case when ${signInFailures.lastFailureAt} < ${forgetBefore}::timestamptz then 1 else ${signInFailures.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: signInFailures.failures });
  const lockMs = lockDurationMs(row!.failures);
  if (lockMs === 0) return null;
  const lockedUntil = new Date(now.getTime() + lockMs);
  // Parallel failures finish in any order: the longest lock wins, a slower smaller count never shortens it.
  const [locked] = await db
    .update(signInFailures)
    .set({
      lockedUntil: sql`greatest(coalesce(${signInFailures.lockedUntil}, ${lockedUntil.toISOString()}::timestamptz), ${lockedUntil.toISOString()}::timestamptz)`,
    })
    .where(eq(signInFailures.email, signInKey(email)))
    .returning({ lockedUntil: signInFailures.lockedUntil });
  return locked?.lockedUntil ?? lockedUntil;
}

/** A successful sign-in: the address starts afresh. */
export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, signInKey(email)));
}
