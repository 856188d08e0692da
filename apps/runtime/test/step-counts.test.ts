import { REACHED_OUTPUT, stepCounts } from "@switchboard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, eventually, type Harness, makeUser } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Arrivals at the demo flow's first step ("hello") counted for the bot so far, over every shard. */
async function helloReached(botId: string): Promise<number> {
  const rows = await h.db.select().from(stepCounts).where(eq(stepCounts.botId, botId));
  return rows
    .filter((r) => r.stepId === "hello" && r.output === REACHED_OUTPUT)
    .reduce((n, r) => n + r.count, 0);
}

describe("step counts through the runtime (canvas analytics)", () => {
  it("are written in batches shortly after the replies, and the rest when the runtime stops", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    const rt = await h.startRuntime();
    const users = [makeUser("Ana"), makeUser("Ben"), makeUser("Cai")];
    for (const u of users) await h.client.start({ token: bot.token, from: u });
    for (const u of users) await h.client.waitForBotMessages({ token: bot.token, chatId: u.id, count: 2 });
    // Flushed every second, not in each update's transaction.
    await eventually(async () => (await helloReached(bot.id)) === 3 || undefined, 10_000, "three arrivals");

    const late = makeUser("Dot");
    await h.client.start({ token: bot.token, from: late });
    await h.client.waitForBotMessages({ token: bot.token, chatId: late.id, count: 2 });
    await rt.stop();
    // Stopping writes what was waiting.
    expect(await helloReached(bot.id)).toBe(4);
  });
});
