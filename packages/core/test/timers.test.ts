import { type TimerRow, timers } from "@switchboard/db";
import { flowDoc, freeInputStep, textStep } from "@switchboard/flow/testing";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDueTimers, MAX_TIMER_ATTEMPTS, recordTimerFailure } from "../src/timers/claim";
import { fireTimer } from "../src/timers/fire";
import { createWorld, ENV, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let bot: TestBot;

beforeAll(async () => {
  w = await createWorld("core_timers");
  const { flowId } = await w.publish(
    flowDoc(
      [
        freeInputStep("q", "Your email?", "email", { timeout: { amount: 1, unit: "days" } }),
        textStep("ok", "Got it"),
        textStep("late", "Still there?"),
      ],
      [
        ["q", "next", "ok"],
        ["q", "timeout", "late"],
      ],
    ),
  );
  bot = await w.addBot({ flowId });
});
afterAll(async () => {
  await w?.close();
});

/** A conversation waiting at `q` with its one-day timeout timer. */
async function waitingConversation() {
  const user = telegramUser("Tim");
  await w.say(bot, user);
  const conversation = await w.conversationOf(bot.id, user.id);
  const [timer] = await w.timersOf(conversation.id);
  return { user, conversation, timer: timer! };
}

const makeDue = (ids: string[]) =>
  w.db.update(timers).set({ fireAt: sql`now()` }).where(inArray(timers.id, ids));

async function timerRow(id: string): Promise<TimerRow> {
  const [row] = await w.db.select().from(timers).where(eq(timers.id, id));
  return row!;
}

describe("conversation timers", () => {
  it("reaching a step with a timeout stores one timer, due on the database's clock, not yet fired", async () => {
    const { conversation, timer } = await waitingConversation();
    expect(timer).toMatchObject({
      kind: "conversation",
      botId: bot.id,
      workspaceId: w.workspaceId,
      stepId: "q",
      firedAt: null,
      cancelledAt: null,
      attempts: 0,
    });
    expect(timer.key).toMatch(new RegExp(`^conv:${conversation.id}:`));
    const [clock] = (await w.db.execute(sql`select now() as now`)) as unknown as { now: string }[];
    const delay = timer.fireAt.getTime() - new Date(clock!.now).getTime();
    expect(delay).toBeGreaterThan(86_400_000 - 60_000);
    expect(delay).toBeLessThanOrEqual(86_400_000);
    // Not due: nobody claims it.
    expect((await claimDueTimers(w.db, 100)).map((t) => t.id)).not.toContain(timer.id);
  });

  it("fires exactly once when two callers fire it concurrently: one fired, one stale, one message", async () => {
    const { conversation, timer } = await waitingConversation();
    await makeDue([timer.id]);
    const results = await Promise.all([fireTimer(w.db, timer, ENV), fireTimer(w.db, timer, ENV)]);
    expect(results.sort()).toEqual(["fired", "stale"]);
    expect(await w.outTexts(conversation.id)).toEqual(["Your email?", "Still there?"]);
    expect((await timerRow(timer.id)).firedAt).not.toBeNull();
    expect((await w.conversation(conversation.id)).currentStepId).toBe("late");
  });

  it("fires exactly once from two separate pools (two runtimes), many times over", async () => {
    const other = await w.newClient();
    const cases = await Promise.all(Array.from({ length: 5 }, () => waitingConversation()));
    await makeDue(cases.map((c) => c.timer.id));
    const results = await Promise.all(
      cases.flatMap(({ timer }) => [
        fireTimer(w.db, timer, ENV),
        fireTimer(other, timer, ENV),
        fireTimer(other, timer, ENV),
      ]),
    );
    expect(results.filter((r) => r === "fired")).toHaveLength(5);
    expect(results.filter((r) => r === "stale")).toHaveLength(10);
    for (const { conversation } of cases)
      expect(await w.outTexts(conversation.id)).toEqual(["Your email?", "Still there?"]);
  });

  it("firing again after it fired is stale and sends nothing", async () => {
    const { conversation, timer } = await waitingConversation();
    await makeDue([timer.id]);
    expect(await fireTimer(w.db, timer, ENV)).toBe("fired");
    expect(await fireTimer(w.db, timer, ENV)).toBe("stale");
    expect(await fireTimer(w.db, await timerRow(timer.id), ENV)).toBe("stale");
    expect(await w.outTexts(conversation.id)).toEqual(["Your email?", "Still there?"]);
  });

  it("an answer in time cancels the timer: never claimed, and firing it anyway is stale", async () => {
    const { user, conversation, timer } = await waitingConversation();
    await w.text(bot, user, "me@example.com");
    const cancelled = await timerRow(timer.id);
    expect(cancelled.cancelledAt).not.toBeNull();
    await makeDue([timer.id]);
    expect((await claimDueTimers(w.db, 1000)).map((t) => t.id)).not.toContain(timer.id);
    expect(await fireTimer(w.db, timer, ENV)).toBe("stale");
    expect(await w.outTexts(conversation.id)).toEqual(["Your email?", "Got it"]);
    expect((await timerRow(timer.id)).firedAt).toBeNull();
  });

  it("a timer cancelled while another process is about to fire it is stale", async () => {
    const { conversation, timer } = await waitingConversation();
    await makeDue([timer.id]);
    const [claimed] = (await claimDueTimers(w.db, 1000)).filter((t) => t.id === timer.id);
    expect(claimed).toBeDefined();
    await w.db.update(timers).set({ cancelledAt: sql`now()` }).where(eq(timers.id, timer.id));
    expect(await fireTimer(w.db, claimed!, ENV)).toBe("stale");
    expect(await w.outTexts(conversation.id)).toEqual(["Your email?"]);
  });

  it("a timer whose conversation was deleted is stale", async () => {
    const { timer } = await waitingConversation();
    const ghost = { ...timer, conversationId: "00000000-0000-4000-8000-0000000000ff" };
    expect(await fireTimer(w.db, ghost, ENV)).toBe("stale");
    expect(await fireTimer(w.db, { ...timer, conversationId: null }, ENV)).toBe("stale");
  });
});

describe("claimDueTimers", () => {
  it("concurrent claimers (two pools) get disjoint sets that together are every due timer", async () => {
    const cases = await Promise.all(Array.from({ length: 30 }, () => waitingConversation()));
    const ids = cases.map((c) => c.timer.id);
    const other = await w.newClient();
    await makeDue(ids);
    const batches = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimDueTimers(i % 2 ? other : w.db, 4)),
    );
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(4);
    const claimed = batches
      .flat()
      .map((t) => t.id)
      .filter((id) => ids.includes(id));
    expect(new Set(claimed).size).toBe(claimed.length);
    // Whatever was not claimed yet is still due and unclaimed: a last claim takes the rest.
    const rest = (await claimDueTimers(w.db, 1000)).map((t) => t.id).filter((id) => ids.includes(id));
    expect([...claimed, ...rest].sort()).toEqual([...ids].sort());
    // Every timer was claimed once: one attempt, and a lease.
    const rows = await w.db.select().from(timers).where(inArray(timers.id, ids));
    for (const row of rows) {
      expect(row.attempts).toBe(1);
      expect(row.claimedUntil!.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it("a claimed timer is not claimed again until its lease runs out; then it is, oldest first", async () => {
    const first = await waitingConversation();
    const second = await waitingConversation();
    await w.db
      .update(timers)
      .set({ fireAt: sql`now() - interval '1 minute'` })
      .where(eq(timers.id, second.timer.id));
    await w.db
      .update(timers)
      .set({ fireAt: sql`now() - interval '2 minutes'` })
      .where(eq(timers.id, first.timer.id));
    const mine = (rows: TimerRow[]) =>
      rows.map((t) => t.id).filter((id) => id === first.timer.id || id === second.timer.id);
    expect(mine(await claimDueTimers(w.db, 1000))).toEqual([first.timer.id, second.timer.id]);
    expect(mine(await claimDueTimers(w.db, 1000))).toEqual([]);
    await w.db
      .update(timers)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(timers.id, second.timer.id));
    const again = (await claimDueTimers(w.db, 1000)).filter((t) => t.id === second.timer.id);
    expect(again.map((t) => t.attempts)).toEqual([2]);
  });

  it("never claims fired or cancelled timers, nor timers that are not due", async () => {
    const fired = await waitingConversation();
    const cancelled = await waitingConversation();
    const future = await waitingConversation();
    await makeDue([fired.timer.id, cancelled.timer.id]);
    await fireTimer(w.db, fired.timer, ENV);
    await w.db.update(timers).set({ cancelledAt: sql`now()` }).where(eq(timers.id, cancelled.timer.id));
    const ids = (await claimDueTimers(w.db, 1000)).map((t) => t.id);
    expect(ids).not.toContain(fired.timer.id);
    expect(ids).not.toContain(cancelled.timer.id);
    expect(ids).not.toContain(future.timer.id);
  });
});

describe("recordTimerFailure", () => {
  it("retries with a growing backoff, and gives up after MAX_TIMER_ATTEMPTS keeping the error", async () => {
    const { timer } = await waitingConversation();
    await makeDue([timer.id]);
    const backoffs: number[] = [];
    let gaveUp = false;
    for (let attempt = 1; attempt <= MAX_TIMER_ATTEMPTS; attempt++) {
      // The backoff of the previous failure is over.
      await w.db.update(timers).set({ claimedUntil: null }).where(eq(timers.id, timer.id));
      const [claimed] = (await claimDueTimers(w.db, 1000)).filter((t) => t.id === timer.id);
      expect(claimed?.attempts).toBe(attempt);
      const before = Date.now();
      gaveUp = await recordTimerFailure(w.db, claimed!, `boom ${attempt}`);
      const row = await timerRow(timer.id);
      expect(row.lastError).toBe(`boom ${attempt}`);
      backoffs.push(Math.round((row.claimedUntil!.getTime() - before) / 1000));
      if (attempt < MAX_TIMER_ATTEMPTS) {
        expect(gaveUp).toBe(false);
        expect(row.cancelledAt).toBeNull();
        // Backing off: not claimable now.
        expect((await claimDueTimers(w.db, 1000)).map((t) => t.id)).not.toContain(timer.id);
      }
    }
    expect(gaveUp).toBe(true);
    expect(backoffs).toEqual([2, 4, 8, 16, 32]);
    const row = await timerRow(timer.id);
    expect(row.cancelledAt).not.toBeNull();
    expect(row.firedAt).toBeNull();
    await w.db.update(timers).set({ claimedUntil: null }).where(eq(timers.id, timer.id));
    expect((await claimDueTimers(w.db, 1000)).map((t) => t.id)).not.toContain(timer.id);
  });

  it("keeps at most 2,000 characters of the error", async () => {
    const { timer } = await waitingConversation();
    await recordTimerFailure(w.db, { ...timer, attempts: 1 }, "x".repeat(5000));
    expect((await timerRow(timer.id)).lastError).toHaveLength(2000);
  });
});
