// History retention (retention/prune.ts): handled updates after 8 days (the dedupe must outlive
// Telegram's 7-day update_id reuse window), unhandled ones never, the bots' logs after N days.

import { botLogs, processedUpdates } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_BOT_LOG_KEEP_DAYS,
  PROCESSED_UPDATES_KEEP_DAYS,
  pruneBotLogs,
  pruneHistory,
  pruneProcessedUpdates,
} from "../src/retention/prune";
import { createWorld, type TestBot, type World } from "./fixtures";

let w: World;
let bot: TestBot;
beforeAll(async () => {
  w = await createWorld("core_retention");
  bot = await w.addBot();
});
afterAll(async () => {
  await w?.close();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

async function addUpdate(updateId: number, ageDays: number, processed: boolean) {
  await w.db.insert(processedUpdates).values({
    botId: bot.id,
    updateId,
    chatId: 1,
    payload: { update_id: updateId },
    receivedAt: daysAgo(ageDays),
    processedAt: processed ? daysAgo(ageDays) : null,
  });
}

const updateIds = async () =>
  (
    await w.db
      .select({ id: processedUpdates.updateId })
      .from(processedUpdates)
      .where(eq(processedUpdates.botId, bot.id))
  )
    .map((r) => r.id)
    .sort((a, b) => a - b);

describe("processed updates", () => {
  it("keeps handled ones 8 days — longer than Telegram's 7-day id reuse — and unhandled ones always", async () => {
    expect(PROCESSED_UPDATES_KEEP_DAYS).toBeGreaterThan(7);
    await addUpdate(1, 9, true);
    await addUpdate(2, 7.5, true);
    await addUpdate(3, 30, false);
    await addUpdate(4, 0, true);
    expect(await pruneProcessedUpdates(w.db)).toBe(1);
    expect(await updateIds()).toEqual([2, 3, 4]);
  });
});

describe("bot logs", () => {
  it("are kept the given number of days (30 by default)", async () => {
    expect(DEFAULT_BOT_LOG_KEEP_DAYS).toBe(30);
    await w.db.insert(botLogs).values([
      { botId: bot.id, level: "info", message: "old", createdAt: daysAgo(31) },
      { botId: bot.id, level: "info", message: "recent", createdAt: daysAgo(29) },
      { botId: bot.id, level: "info", message: "fresh", createdAt: daysAgo(1) },
    ]);
    expect(await pruneBotLogs(w.db)).toBe(1);
    expect(await pruneBotLogs(w.db, 7)).toBe(1);
    const left = await w.db.select({ m: botLogs.message }).from(botLogs).where(eq(botLogs.botId, bot.id));
    expect(left.map((r) => r.m)).toEqual(["fresh"]);
  });
});

describe("pruneHistory", () => {
  it("runs every pruning, and one failing does not stop the others", async () => {
    await w.db
      .insert(botLogs)
      .values({ botId: bot.id, level: "info", message: "ancient", createdAt: daysAgo(400) });
    // Make one of the prunings fail: the realtime events table is briefly gone.
    await w.db.execute(sql`alter table realtime_events rename to realtime_events_away`);
    try {
      const { failures } = await pruneHistory(w.db, { botLogKeepDays: 60 });
      expect(failures.map((f) => f.job)).toEqual(["realtimeEvents"]);
    } finally {
      await w.db.execute(sql`alter table realtime_events_away rename to realtime_events`);
    }
    const ancient = await w.db.select().from(botLogs).where(eq(botLogs.message, "ancient"));
    expect(ancient).toEqual([]);
    expect((await pruneHistory(w.db)).failures).toEqual([]);
  });
});
