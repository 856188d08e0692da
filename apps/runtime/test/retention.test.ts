import { botLogs, processedUpdates } from "@switchboard/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../src/config";
import { UPDATE_ID_REUSE_AFTER } from "../src/inbox";
import { createHarness, eventually, type Harness, makeUser, postWebhookUpdate } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe("retention in the runtime", () => {
  it("prunes old handled updates and bot logs on start, and a redelivery within the reuse window is still ignored", async () => {
    expect(UPDATE_ID_REUSE_AFTER).toBe("7 days");
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId, mode: "webhook" });
    const user = makeUser("Ret");
    const update = (updateId: number) => ({
      update_id: updateId,
      message: {
        message_id: updateId,
        date: 0,
        from: { id: user.id, is_bot: false, first_name: "Ret" },
        chat: { id: user.id, type: "private" },
        text: "/start",
      },
    });
    await h.db.insert(processedUpdates).values([
      {
        botId: bot.id,
        updateId: 1,
        chatId: user.id,
        payload: update(1),
        receivedAt: daysAgo(9),
        processedAt: daysAgo(9),
      },
      {
        botId: bot.id,
        updateId: 2,
        chatId: user.id,
        payload: update(2),
        receivedAt: daysAgo(6),
        processedAt: daysAgo(6),
      },
    ]);
    await h.db.insert(botLogs).values([
      { botId: bot.id, level: "info", message: "too old", createdAt: daysAgo(11) },
      { botId: bot.id, level: "info", message: "kept", createdAt: daysAgo(9) },
    ]);

    const rt = await h.startRuntime({ webhookBaseUrl: "http://127.0.0.1:0", botLogRetentionDays: 10 });
    await eventually(
      async () => {
        const ids = (
          await h.db
            .select({ id: processedUpdates.updateId })
            .from(processedUpdates)
            .where(eq(processedUpdates.botId, bot.id))
        ).map((r) => r.id);
        const logs = (
          await h.db.select({ m: botLogs.message }).from(botLogs).where(eq(botLogs.botId, bot.id))
        ).map((r) => r.m);
        return !ids.includes(1) && ids.includes(2) && !logs.includes("too old") && logs.includes("kept");
      },
      10_000,
      "pruning",
    );

    // Update 2 is 6 days old: Telegram sending it again is a redelivery, not a new update.
    await eventually(async () => rt.supervisor.runner(bot.id), 10_000, "runner");
    expect((await postWebhookUpdate(rt.port, bot.id, bot.webhookSecret, update(2))).status).toBe(200);
    const [row] = await h.db
      .select()
      .from(processedUpdates)
      .where(and(eq(processedUpdates.botId, bot.id), eq(processedUpdates.updateId, 2)));
    expect(row!.receivedAt.getTime()).toBeLessThan(daysAgo(5).getTime());
    expect(row!.attempts).toBe(0);
  });
});

describe("RUNTIME_BOT_LOG_RETENTION_DAYS", () => {
  const env = { DATABASE_URL: "postgres://x" };
  it("defaults to 30 days and refuses what is no whole number of days, in a sentence", () => {
    expect(configFromEnv(env).botLogRetentionDays).toBe(30);
    expect(configFromEnv({ ...env, RUNTIME_BOT_LOG_RETENTION_DAYS: "90" }).botLogRetentionDays).toBe(90);
    expect(() => configFromEnv({ ...env, RUNTIME_BOT_LOG_RETENTION_DAYS: "a month" })).toThrow(
      "RUNTIME_BOT_LOG_RETENTION_DAYS must be a whole number of days (1 or more), got 'a month'.",
    );
  });
});
