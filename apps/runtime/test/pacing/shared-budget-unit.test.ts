import { describe, expect, it } from "vitest";
import { SharedBudget, type SlotBlock } from "../../src/pacing/shared-budget";
import { FakeClock } from "./fake-clock";

/** A database stand-in: GCRA over one tat, like core's reserveSendSlotsOfBots, answering after `latencyMs`. */
function fakeStore(clock: FakeClock, rate: number, toleranceMs: number, latencyMs: number) {
  let tat = Number.NEGATIVE_INFINITY;
  const interval = 1000 / rate;
  let reservations = 0;
  return {
    get reservations() {
      return reservations;
    },
    async reserve(count: number): Promise<SlotBlock> {
      reservations++;
      const dbNow = clock.now();
      tat = Math.max(tat, dbNow - toleranceMs) + count * interval;
      await clock.advance(latencyMs);
      return { firstAt: tat - count * interval, intervalMs: interval, count, dbNow };
    },
    async pushBack(ms: number) {
      tat = Math.max(tat, clock.now() + ms);
    },
  };
}

describe("SharedBudget", () => {
  it("a one-slot block from a quiet bot is usable on arrival, even at a very high rate with a slow answer", async () => {
    const clock = new FakeClock();
    const store = fakeStore(clock, 100_000, 100, 150);
    const budget = new SharedBudget(clock, store, { toleranceMs: 100, blockMs: 100 });
    expect(budget.nextSlot(clock.now())).toBeNull();
    await budget.refill(1);
    expect(budget.nextSlot(clock.now())).toBe(clock.now());
    expect(store.reservations).toBe(1);
  });

  it("a slot is used at its time, not before; a slot left unused too long is dropped", async () => {
    const clock = new FakeClock();
    const store = fakeStore(clock, 10, 0, 0);
    const budget = new SharedBudget(clock, store, { toleranceMs: 0, blockMs: 300 });
    await budget.refill(3);
    expect(budget.nextSlot(0)).toBe(0);
    budget.use();
    expect(budget.nextSlot(0)).toBe(100);
    // 150 ms late for the 100 ms slot: too old; the 200 ms one is next.
    expect(budget.nextSlot(150)).toBe(200);
  });

  it("a 429 drops the slots held and waits out the pause", async () => {
    const clock = new FakeClock();
    const store = fakeStore(clock, 10, 0, 0);
    const budget = new SharedBudget(clock, store, { toleranceMs: 0, blockMs: 300 });
    await budget.refill(3);
    budget.pause(1000, 0);
    expect(budget.nextSlot(0)).toBe(1000);
    expect(budget.nextSlot(1000)).toBeNull();
    await clock.advance(1000);
    await budget.refill(1);
    // The shared schedule was pushed too: the next slot is not before the pause ended.
    expect(budget.nextSlot(clock.now())).toBeGreaterThanOrEqual(1000);
  });
});
