import { createTestDatabase } from "@switchboard/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clearFailedSignIns,
  FAILURE_MEMORY_MS,
  FREE_SIGN_IN_FAILURES,
  lockDurationMs,
  recordFailedSignIn,
  signInLockedUntil,
} from "../src/accounts/sign-in-backoff";

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase("core_backoff");
});

afterAll(async () => {
  await database?.close();
});

describe("lockDurationMs", () => {
  it("is free for the first failures, then grows and stops growing", () => {
    expect(lockDurationMs(FREE_SIGN_IN_FAILURES - 1)).toBe(0);
    const locks = [0, 1, 2, 3, 10, 50].map((n) => lockDurationMs(FREE_SIGN_IN_FAILURES + n));
    expect(locks.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(locks[4]).toBe(15 * 60_000);
    expect(locks[5]).toBe(15 * 60_000);
  });
});

describe("per-account sign-in backoff", () => {
  it("locks one address after repeated failures, for longer each time, until a success resets it", async () => {
    const { db } = database;
    const email = "Victim@Example.test";
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 1; i < FREE_SIGN_IN_FAILURES; i++)
      expect(await recordFailedSignIn(db, email, t0)).toBeNull();
    expect(await signInLockedUntil(db, email, t0)).toBeNull();

    const first = await recordFailedSignIn(db, email, t0);
    expect(first?.getTime()).toBe(t0.getTime() + 30_000);
    // The lock holds for any spelling of the address, and only for it.
    expect(await signInLockedUntil(db, " victim@example.TEST ", t0)).toEqual(first);
    expect(await signInLockedUntil(db, "someone@example.test", t0)).toBeNull();

    const t1 = new Date(first!.getTime() + 1);
    expect(await signInLockedUntil(db, email, t1)).toBeNull();
    const second = await recordFailedSignIn(db, email, t1);
    expect(second!.getTime() - t1.getTime()).toBe(60_000);

    await clearFailedSignIns(db, email);
    expect(await signInLockedUntil(db, email, t1)).toBeNull();
    expect(await recordFailedSignIn(db, email, t1)).toBeNull();
  });

  it("counts parallel failures (no lost updates)", async () => {
    const { db } = database;
    const now = new Date("2026-01-02T10:00:00Z");
    await Promise.all(Array.from({ length: 8 }, () => recordFailedSignIn(db, "burst@example.test", now)));
    const lockedUntil = await signInLockedUntil(db, "burst@example.test", now);
    expect(lockedUntil!.getTime() - now.getTime()).toBe(lockDurationMs(8));
  });

  it("forgets failures a day old", async () => {
    const { db } = database;
    const t0 = new Date("2026-01-03T10:00:00Z");
    for (let i = 0; i < FREE_SIGN_IN_FAILURES - 1; i++) await recordFailedSignIn(db, "slow@example.test", t0);
    const later = new Date(t0.getTime() + FAILURE_MEMORY_MS + 1);
    expect(await recordFailedSignIn(db, "slow@example.test", later)).toBeNull();
  });
});
