import { messages } from "@switchboard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, makeUser } from "./harness";

// Its own database, and each test stops its runtime: no other runtime serves these bots.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("capacity", () => {
  it("serves more polling bots than the connection pool has connections", async () => {
    const flowId = await h.publish();
    const many = await Promise.all(Array.from({ length: 25 }, () => h.addBot({ flowId })));
    const rt = await h.startRuntime({ instanceId: "many-bots" });
    const user = makeUser("Many");
    await Promise.all(many.map((b) => h.client.start({ token: b.token, from: user })));
    for (const b of many) {
      const replies = await h.client.waitForBotMessages({
        token: b.token,
        chatId: user.id,
        count: 2,
        timeoutMs: 30_000,
      });
      expect(replies[0]!.text).toBe("Hello Many!");
    }
    await rt.stop();
  });

  it("a burst of 429s across many chats pauses the bot, then every chat gets its replies in order", async () => {
    const flowId = await h.publish();
    const bot = await h.addBot({ flowId });
    const rt = await h.startRuntime({ instanceId: "flooded" });
    const users = Array.from({ length: 40 }, (_, i) => makeUser(`F${i}`));
    // After each pause the pacer sends one message first and stops at its 429, so every failure here
    // costs a whole retry_after: 10 of them is ~10 s of pauses, well inside the waits below (40 took
    // ~40 s and timed out under load).
    await h.client.failNext({
      token: bot.token,
      method: "sendMessage",
      errorCode: 429,
      retryAfter: 1,
      count: 10,
    });
    await Promise.all(users.map((u) => h.client.start({ token: bot.token, from: u })));
    for (const u of users) {
      const replies = await h.client
        .waitForBotMessages({ token: bot.token, chatId: u.id, count: 2, timeoutMs: 40_000 })
        .catch(async (err) => {
          // Say where the missing message is: pending with a lease, backing off, failed…
          const rows = await h.db.select().from(messages).where(eq(messages.direction, "out"));
          const unsent = rows
            .filter((m) => m.deliveryStatus !== "sent")
            .filter((m) => (m.payload as { params: { chat_id: number } }).params.chat_id === u.id)
            .map((m) => ({
              status: m.deliveryStatus,
              attempts: m.attempts,
              notBefore: m.notBefore,
              leasedUntil: m.leasedUntil,
              error: m.error,
            }));
          throw new Error(`${String(err)}\nunsent at ${new Date().toISOString()}: ${JSON.stringify(unsent)}`);
        });
      expect(replies.map((m) => m.text)).toEqual([`Hello ${u.first_name}!`, "Pick one"]);
    }
    await rt.stop();
  });
});
