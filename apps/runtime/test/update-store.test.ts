import { processedUpdates } from "@switchboard/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeUpdatesOfBots, type UpdateToStore } from "../src/inbox";
import { createLogger } from "../src/log";
import { receiveUpdates } from "../src/receive-updates";
import { UpdateStore } from "../src/update-store";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const update = (updateId: number, chatId: number | null): UpdateToStore => ({
  updateId,
  chatId,
  payload: { update_id: updateId },
  original: null,
});

const stored = async (botId: string, ids: number[]) =>
  (
    await h.db
      .select({ updateId: processedUpdates.updateId, chatId: processedUpdates.chatId })
      .from(processedUpdates)
      .where(and(eq(processedUpdates.botId, botId), inArray(processedUpdates.updateId, ids)))
      .orderBy(processedUpdates.updateId)
  ).map((r) => [r.updateId, r.chatId]);

describe("storing received updates, several bots' polls per statement", () => {
  it("one statement for several bots: each bot's new chats, updates outside a chat stored as done", async () => {
    const [a, b] = [await h.addBot({ registered: false }), await h.addBot({ registered: false })];
    const chats = await storeUpdatesOfBots(h.db, [
      { botId: a.id, updates: [update(1, 10), update(2, 11), update(3, null)] },
      { botId: b.id, updates: [update(1, 20)] },
    ]);
    expect(chats).toEqual(
      new Map([
        [a.id, new Set([10, 11])],
        [b.id, new Set([20])],
      ]),
    );
    expect(await stored(a.id, [1, 2, 3])).toEqual([
      [1, 10],
      [2, 11],
      [3, null],
    ]);
    // Received again (a retried webhook, a poll after a crash): already there, no new chat.
    expect(await storeUpdatesOfBots(h.db, [{ botId: b.id, updates: [update(1, 20)] }])).toEqual(new Map());
  });

  it("polls arriving while one is stored share the next statement, and each hears only of its own bot's chats", async () => {
    const bots = [
      await h.addBot({ registered: false }),
      await h.addBot({ registered: false }),
      await h.addBot({ registered: false }),
    ];
    const store = new UpdateStore(h.db);
    const results = await Promise.all(bots.map((bot, i) => store.store(bot.id, [update(100 + i, 30 + i)])));
    expect(results).toEqual([new Set([30]), new Set([31]), new Set([32])]);
    for (const [i, bot] of bots.entries())
      expect(await stored(bot.id, [100 + i])).toEqual([[100 + i, 30 + i]]);
  });

  it("a shared statement that fails (the same update twice in it) fails every poll in it; each then stores its own, once", async () => {
    const bot = await h.addBot({ registered: false });
    const other = await h.addBot({ registered: false });
    const store = new UpdateStore(h.db);
    const log = createLogger("test");
    const via = (botId: string, updates: UpdateToStore[]) => store.store(botId, updates);
    const receive = (botId: string, id: number, chatId: number) =>
      receiveUpdates(
        h.db,
        log,
        botId,
        [
          {
            update: {
              update_id: id,
              message: {
                message_id: 1,
                date: 1,
                chat: { id: chatId, type: "private" },
                from: { id: chatId, is_bot: false, first_name: "A" },
                text: "hi",
              },
            },
          },
        ],
        via,
      );
    // The first goes alone; the next three share a statement in which update 7 of `bot` comes twice
    // (a webhook retried while the first delivery is being stored).
    const [first, ...rest] = await Promise.all([
      receive(other.id, 6, 41),
      receive(bot.id, 7, 42),
      receive(bot.id, 7, 42),
      receive(other.id, 8, 43),
    ]);
    expect(first).toEqual(new Set([41]));
    // Stored once; one of the two deliveries reports the chat (the other finds it stored).
    expect(await stored(bot.id, [7])).toEqual([[7, 42]]);
    expect(rest[0]!.size + rest[1]!.size).toBe(1);
    expect(rest[2]).toEqual(new Set([43]));
    expect(await stored(other.id, [6, 8])).toEqual([
      [6, 41],
      [8, 43],
    ]);
  });
});
