import { type ConversationRow, messages } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, type OutboxWakeUp } from "../src/channels";
import { parseOutboxWakeUp } from "../src/notify";
import {
  type Claim,
  claimNextMessage,
  conversationsWithPendingMessages,
  failMessage,
  markConversationBlocked,
  recordSent,
  retryMessageLater,
  SEND_LEASE_MS,
} from "../src/outbox/delivery-store";
import { enqueueOutgoing, type QueuedCall } from "../src/outbox/enqueue";
import { messageCalls } from "../src/outbox/telegram-calls";
import { createWorld, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
/** A bot without a flow: its conversations only hold what a test puts in their outbox. */
let bot: TestBot;
/** Every wake-up on the outbox channel, as it arrived. */
const wakeUps: OutboxWakeUp[] = [];
let unlisten: () => Promise<void>;

beforeAll(async () => {
  w = await createWorld("core_outbox");
  bot = await w.addBot();
  const listening = await w.sql.listen(CHANNELS.outbox, (payload) => {
    const wake = parseOutboxWakeUp(payload);
    if (wake) wakeUps.push(wake);
  });
  unlisten = listening.unlisten;
});
afterAll(async () => {
  await unlisten?.();
  await w?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wakeUpsOf = (conversationId: string) => wakeUps.filter((x) => x.conversationId === conversationId);

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = check();
    if (v !== undefined) return v;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function newConversation(): Promise<ConversationRow> {
  const user = telegramUser("Out");
  await w.say(bot, user);
  return w.conversationOf(bot.id, user.id);
}

const queued = (chatId: number, ...texts: string[]): QueuedCall[] =>
  texts.flatMap((t) => messageCalls(chatId, t).map((call) => ({ call, stepId: "s1" })));

const pendingOf = (conversationId: string) =>
  w.db
    .select()
    .from(messages)
    .where(sql`${messages.conversationId} = ${conversationId} and ${messages.deliveryStatus} = 'pending'`);

describe("enqueueOutgoing", () => {
  it("writes pending messages in order with their seq, text, payload and author", async () => {
    const c = await newConversation();
    const calls: QueuedCall[] = [
      ...queued(c.chatId, "one", "two"),
      { call: messageCalls(c.chatId, "from Anna")[0]!, stepId: null, senderUserId: w.ownerId },
    ];
    expect(await w.db.transaction((tx) => enqueueOutgoing(tx, c, calls, 3))).toBe(3);
    const out = await w.outgoing(c.id);
    expect(out.map((m) => [m.seq, m.text, m.stepId, m.senderUserId, m.deliveryStatus, m.direction])).toEqual([
      [3, "one", "s1", null, "pending", "out"],
      [4, "two", "s1", null, "pending", "out"],
      [5, "from Anna", null, w.ownerId, "pending", "out"],
    ]);
    expect(out[0]!.payload).toEqual(calls[0]!.call);
  });

  it("wakes the runtimes with a NOTIFY only when the transaction commits", async () => {
    const c = await newConversation();
    await w.db.transaction(async (tx) => {
      await enqueueOutgoing(tx, c, queued(c.chatId, "hello"));
      await sleep(300);
      // Not yet: a listener must not look before the rows are visible.
      expect(wakeUpsOf(c.id)).toEqual([]);
    });
    const wake = await until(() => wakeUpsOf(c.id)[0], "the outbox NOTIFY");
    expect(wake).toEqual({ botId: bot.id, conversationId: c.id, chatId: c.chatId });
    await sleep(100);
    expect(wakeUpsOf(c.id)).toHaveLength(1);
  });

  it("sends nothing, and leaves nothing, when the transaction rolls back", async () => {
    const c = await newConversation();
    const rollback = new Error("rollback");
    await expect(
      w.db.transaction(async (tx) => {
        await enqueueOutgoing(tx, c, queued(c.chatId, "never"));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    // A later committed NOTIFY on the channel proves the listener is alive and nothing came before it.
    const marker = await newConversation();
    await w.db.transaction((tx) => enqueueOutgoing(tx, marker, queued(marker.chatId, "marker")));
    await until(() => wakeUpsOf(marker.id)[0], "the marker NOTIFY");
    expect(wakeUpsOf(c.id)).toEqual([]);
    expect(await w.outgoing(c.id)).toEqual([]);
  });

  it("nothing to send: no rows and no NOTIFY", async () => {
    const c = await newConversation();
    expect(await w.db.transaction((tx) => enqueueOutgoing(tx, c, []))).toBe(0);
    const marker = await newConversation();
    await w.db.transaction((tx) => enqueueOutgoing(tx, marker, queued(marker.chatId, "marker")));
    await until(() => wakeUpsOf(marker.id)[0], "the marker NOTIFY");
    expect(wakeUpsOf(c.id)).toEqual([]);
  });
});

describe("claimNextMessage", () => {
  const claimed = (results: Claim[]) =>
    results.filter((r): r is Extract<Claim, { kind: "claimed" }> => r.kind === "claimed");

  it("concurrent claimers (two pools) never get the same message, and get them in order", async () => {
    const c = await newConversation();
    await w.db.transaction((tx) => enqueueOutgoing(tx, c, queued(c.chatId, "m1", "m2")));
    await w.db.transaction((tx) => enqueueOutgoing(tx, c, queued(c.chatId, "m3", "m4")));
    const other = await w.newClient();
    const order: string[] = [];
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claimNextMessage(i % 2 ? other : w.db, c, 1000)),
      );
      const got = claimed(results);
      expect(got).toHaveLength(1);
      expect(results.filter((r) => r.kind === "done")).toHaveLength(7);
      order.push(got[0]!.msg.text!);
      expect(got[0]!.msg.attempts).toBe(1);
      await recordSent(w.db, got[0]!.msg.id, 100 + round);
    }
    expect(order).toEqual(["m1", "m2", "m3", "m4"]);
    expect(await claimNextMessage(w.db, c, 1000)).toEqual({ kind: "done" });
    const out = await w.outgoing(c.id);
    expect(out.map((m) => [m.deliveryStatus, m.telegramMessageId, m.leasedUntil])).toEqual([
      ["sent", 100, null],
      ["sent", 101, null],
      ["sent", 102, null],
      ["sent", 103, null],
    ]);
  });

  it("a leased message holds the chat until its lease runs out; then it is claimed again, a second attempt", async () => {
    const c = await newConversation();
    await w.db.transaction((tx) => enqueueOutgoing(tx, c, queued(c.chatId, "first", "second")));
    const before = Date.now();
    const first = await claimNextMessage(w.db, c, 1000);
    expect(first).toMatchObject({ kind: "claimed", msg: { text: "first", attempts: 1 } });
    const [row] = (await pendingOf(c.id)).filter((m) => m.text === "first");
    expect(row!.leasedUntil!.getTime()).toBeGreaterThanOrEqual(before + SEND_LEASE_MS - 1000);
    // The second message waits behind the leased first one.
    expect(await claimNextMessage(w.db, c, 1000)).toEqual({ kind: "done" });
    // The sender crashed: the lease runs out.
    await w.db
      .update(messages)
      .set({ leasedUntil: new Date(Date.now() - 1) })
      .where(eq(messages.id, row!.id));
    expect(await claimNextMessage(w.db, c, 1000)).toMatchObject({
      kind: "claimed",
      msg: { text: "first", attempts: 2 },
    });
  });

  it("a message backing off makes the chat wait (nothing after it is sent meanwhile), capped at maxWait", async () => {
    const c = await newConversation();
    await w.db.transaction((tx) => enqueueOutgoing(tx, c, queued(c.chatId, "first", "second")));
    const first = await claimNextMessage(w.db, c, 1000);
    if (first.kind !== "claimed") throw new Error("expected a claim");
    await retryMessageLater(w.db, first.msg.id, 5_000);
    const waited = await claimNextMessage(w.db, c, 60_000);
    expect(waited.kind).toBe("wait");
    expect((waited as { ms: number }).ms).toBeGreaterThan(3_000);
    expect((waited as { ms: number }).ms).toBeLessThanOrEqual(5_000);
    expect(await claimNextMessage(w.db, c, 250)).toEqual({ kind: "wait", ms: 250 });
    // Backoff over.
    await w.db
      .update(messages)
      .set({ notBefore: new Date(Date.now() - 1) })
      .where(eq(messages.id, first.msg.id));
    expect(await claimNextMessage(w.db, c, 1000)).toMatchObject({
      kind: "claimed",
      msg: { text: "first", attempts: 2 },
    });
  });

  it("a failed message no longer holds the chat", async () => {
    const c = await newConversation();
    await w.db.transaction((tx) => enqueueOutgoing(tx, c, queued(c.chatId, "bad", "good")));
    const bad = await claimNextMessage(w.db, c, 1000);
    if (bad.kind !== "claimed") throw new Error("expected a claim");
    await failMessage(w.db, bad.msg.id, "Bad Request: can't parse entities");
    expect(await claimNextMessage(w.db, c, 1000)).toMatchObject({ kind: "claimed", msg: { text: "good" } });
    const [row] = await w.db.select().from(messages).where(eq(messages.id, bad.msg.id));
    expect(row).toMatchObject({
      deliveryStatus: "failed",
      error: "Bad Request: can't parse entities",
      leasedUntil: null,
    });
  });

  it("each conversation is its own queue: a leased message in one does not hold another", async () => {
    const a = await newConversation();
    const b = await newConversation();
    await w.db.transaction((tx) => enqueueOutgoing(tx, a, queued(a.chatId, "a1")));
    await w.db.transaction((tx) => enqueueOutgoing(tx, b, queued(b.chatId, "b1")));
    const [ca, cb] = await Promise.all([claimNextMessage(w.db, a, 1000), claimNextMessage(w.db, b, 1000)]);
    expect(ca).toMatchObject({ kind: "claimed", msg: { text: "a1" } });
    expect(cb).toMatchObject({ kind: "claimed", msg: { text: "b1" } });
    const pending = (await conversationsWithPendingMessages(w.db, bot.id)).map((x) => x.id);
    expect(pending).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it("the user blocked the bot: every pending message fails and the conversation is blocked", async () => {
    const c = await newConversation();
    await w.db.transaction((tx) => enqueueOutgoing(tx, c, queued(c.chatId, "x", "y")));
    await markConversationBlocked(w.db, c.id, "Forbidden: bot was blocked by the user");
    expect(await pendingOf(c.id)).toEqual([]);
    expect((await w.outgoing(c.id)).map((m) => m.deliveryStatus)).toEqual(["failed", "failed"]);
    expect((await w.conversation(c.id)).status).toBe("blocked");
    expect(await claimNextMessage(w.db, c, 1000)).toEqual({ kind: "done" });
    expect((await conversationsWithPendingMessages(w.db, bot.id)).map((x) => x.id)).not.toContain(c.id);
  });
});
