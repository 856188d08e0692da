import { chatLock, type OpenChatRequest } from "@switchboard/core";
import { processedUpdates, run } from "@switchboard/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeUpdates } from "../src/inbox";
import { UpdateBatcher } from "../src/update-batcher";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Stores `perChat` updates for each chat, ids chat*100 + 1, 2…: what polling would have stored. */
async function storeFor(botId: string, chats: number[], perChat = 2) {
  await storeUpdates(
    h.db,
    botId,
    chats.flatMap((chatId) =>
      Array.from({ length: perChat }, (_, i) => ({
        updateId: chatId * 100 + i + 1,
        chatId,
        payload: { update_id: chatId * 100 + i + 1 },
        original: null,
      })),
    ),
  );
}

const unprocessed = async (botId: string) =>
  (
    await h.db
      .select({ updateId: processedUpdates.updateId })
      .from(processedUpdates)
      .where(and(eq(processedUpdates.botId, botId), isNull(processedUpdates.processedAt)))
      .orderBy(processedUpdates.updateId)
  ).map((r) => r.updateId);

const txid = async (tx: Parameters<Parameters<UpdateBatcher["withNextUpdate"]>[2]>[0]) => {
  const [row] = await tx.execute<{ id: string }>(sql`select txid_current()::text as id`);
  return row!.id;
};

describe("update batches (several chats' next updates in one transaction)", () => {
  it("takes each waiting chat's oldest update under its lock, all in one transaction that commits", async () => {
    const bot = await h.addBot({ registered: false });
    const chats = [11, 12, 13, 14, 15];
    await storeFor(bot.id, chats);
    const batcher = new UpdateBatcher(h.db, { maxChats: 16, maxBatches: 1 });
    const results = await Promise.all(
      chats.map((chatId) =>
        batcher.withNextUpdate(bot.id, chatId, async (tx, taken) => ({ taken, txid: await txid(tx) })),
      ),
    );
    expect(results.map((r) => r.taken?.updateId)).toEqual(chats.map((c) => c * 100 + 1));
    expect(results.every((r) => r.taken?.more === true)).toBe(true);
    expect(new Set(results.map((r) => r.txid)).size).toBe(1);
    expect(await unprocessed(bot.id)).toEqual(chats.map((c) => c * 100 + 2));
    // A chat with nothing stored gets null.
    expect(await batcher.withNextUpdate(bot.id, 99, async (_tx, taken) => taken)).toBeNull();
  });

  it("a failing chat fails alone: the batch is redone chat by chat, the others commit, its update waits", async () => {
    const bot = await h.addBot({ registered: false });
    const chats = [21, 22, 23, 24];
    await storeFor(bot.id, chats, 1);
    const batcher = new UpdateBatcher(h.db, { maxChats: 16, maxBatches: 1 });
    const outcomes = await Promise.allSettled(
      chats.map((chatId) =>
        batcher.withNextUpdate(bot.id, chatId, async (tx, taken) => {
          // Every chat writes under the transaction; chat 23's processing then breaks.
          await tx.execute(sql`select ${taken?.updateId ?? 0}::int`);
          if (chatId === 23) throw new Error("processing broke");
          return { taken, txid: await txid(tx) };
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new Error("processing broke"));
    expect(batcher.splitBatches).toBe(1);
    // Redone on their own: three transactions, and only the failing chat's update is left.
    const done = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(new Set(done.map((r) => r.txid)).size).toBe(3);
    expect(await unprocessed(bot.id)).toEqual([2301]);
  });

  it("waits for a chat's lock held elsewhere and reads what its holder committed", async () => {
    const bot = await h.addBot({ registered: false });
    await storeFor(bot.id, [31, 32], 2);
    const batcher = new UpdateBatcher(h.db, { maxChats: 16, maxBatches: 1 });
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => {
      locked = r;
    });
    // Another process holds chat 31's lock and processes its first update meanwhile.
    const other = h.db.transaction(async (tx) => {
      await run(tx, ...chatLock(bot.id, 31));
      locked();
      await held;
      await tx
        .update(processedUpdates)
        .set({ processedAt: new Date() })
        .where(and(eq(processedUpdates.botId, bot.id), eq(processedUpdates.updateId, 3101)));
    });
    await lockTaken;
    const batch = Promise.all(
      [31, 32].map((chatId) => batcher.withNextUpdate(bot.id, chatId, async (_tx, taken) => taken?.updateId)),
    );
    await new Promise((r) => setTimeout(r, 200));
    release();
    await other;
    expect(await batch).toEqual([3102, 3201]);
  });

  it("opens the chats its turns plan in one statement before the first turn; a lone turn opens its own", async () => {
    const bot = await h.addBot({ registered: false });
    const chats = [41, 42, 43];
    await storeFor(bot.id, chats, 1);
    const plan = (chatId: number) => (): OpenChatRequest => ({
      workspaceId: bot.workspaceId,
      botId: bot.id,
      chatId,
      from: { id: chatId, first_name: `User ${chatId}` },
      inbound: { telegramMessageId: chatId, text: `hi from ${chatId}`, payload: {} },
    });
    const batcher = new UpdateBatcher(h.db, { maxChats: 16, maxBatches: 1 });
    const seen = await Promise.all(
      chats.map((chatId) =>
        batcher.withNextUpdate(
          bot.id,
          chatId,
          async (tx, _taken, batch) => {
            // The chat's inbound message is already in this transaction when the turn starts.
            const [row] = await tx.execute<{ text: string }>(
              sql`select text from messages where id = ${batch.opened?.messageId ?? null}::uuid`,
            );
            return { chatId: batch.opened?.conversation.chatId, inbound: row?.text ?? null };
          },
          plan(chatId),
        ),
      ),
    );
    expect(seen).toEqual(chats.map((chatId) => ({ chatId, inbound: `hi from ${chatId}` })));

    await storeFor(bot.id, [44], 1);
    const lone = await batcher.withNextUpdate(
      bot.id,
      44,
      async (_tx, _taken, batch) => batch.opened,
      plan(44),
    );
    expect(lone).toBeNull();
  });

  it("after a turn reached beyond its chat, the later turns of the batch are told their opened chat may be stale", async () => {
    const bot = await h.addBot({ registered: false });
    const chats = [51, 52, 53];
    await storeFor(bot.id, chats, 1);
    const batcher = new UpdateBatcher(h.db, { maxChats: 16, maxBatches: 1 });
    const stale = await Promise.all(
      chats.map((chatId) =>
        batcher.withNextUpdate(bot.id, chatId, async (_tx, _taken, batch) => {
          const before = batch.openedMayBeStale;
          if (chatId === 52) batch.reachedBeyondChat();
          return before;
        }),
      ),
    );
    // Turns run in chat order: 51 and 52 itself read before anything reached beyond; 53 after.
    expect(stale).toEqual([false, false, true]);
  });
});
