// The operators' forum against the database: what the core writes to the topic outbox (the summary,
// mirrored lines, events), claiming it (coalescing, leases, backoff), and messages from the group.
import {
  bots,
  contacts,
  conversationAssignments,
  forumTopics,
  type MessageRow,
  messages,
  operatorQueue,
  topicOutbox,
} from "@switchboard/db";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { type GroupMessage, receiveFromOperatorGroup } from "../src/forum/group-replies";
import { mirrorCustomerMessage, mirrorDeliveredReply } from "../src/forum/mirror";
import {
  claimTopicBatch,
  enqueueTopicText,
  pendingTopics,
  pruneTopicOutbox,
  recordTopicSent,
  retryTopicLater,
  saveTopic,
  TOPIC_LEASE_MS,
  type TopicKey,
} from "../src/forum/outbox";
import { replyAsOperator, takeConversation } from "../src/operators/inbox";
import { joinOperatorPool } from "../src/operators/pools";
import { createWorld, ENV, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let flowId: string;
let anna: Actor;
const GROUP = -1009876543210;

beforeAll(async () => {
  w = await createWorld("core_forum");
  ({ flowId } = await w.publish(
    flowDoc(
      [
        textStep("hi", "Hi"),
        routeStep("r", "Connecting you…", {}, { title: "Talk to us" }),
        textStep("none", "Nobody"),
      ],
      [
        ["hi", "next", "r"],
        ["r", "no_operator", "none"],
      ],
    ),
  ));
  anna = await w.addMember("Anna", "operator");
});
afterAll(async () => {
  await w?.close();
});

async function forumBot(group: number | null = GROUP) {
  const bot = await w.addBot({
    flowId,
    settings: {
      operator: { maxWaitMinutes: 0 },
      ...(group !== null ? { operatorGroup: { chatId: group, enabled: true } } : {}),
    },
  });
  await joinOperatorPool(w.db, anna, bot.id);
  return bot;
}

async function lines(botId: string) {
  return (
    await w.db
      .select({ text: topicOutbox.text, status: topicOutbox.status })
      .from(topicOutbox)
      .where(eq(topicOutbox.botId, botId))
      .orderBy(asc(topicOutbox.createdAt))
  ).map((r) => r.text);
}

/** A routed customer of `bot`: its conversation and topic key. */
async function routed(bot: TestBot, name = "Ann") {
  const from = telegramUser(name, { last_name: "Smith" });
  const { conversation } = await w.say(bot, from);
  expect(conversation.status).toBe("operator");
  const key: TopicKey = { botId: bot.id, groupChatId: GROUP, contactId: conversation.contactId };
  return { from, conversation, key };
}

const groupMessage = (
  threadId: number | null,
  text: string,
  from = { id: 9001, isBot: false, firstName: "Oscar", username: "oscar" },
): GroupMessage => ({
  chatId: GROUP,
  messageId: 1,
  threadId,
  from,
  content: { text, media: null },
  service: false,
});

describe("what the core writes for the group", () => {
  it("nothing for a bot without an operators' group", async () => {
    const bot = await forumBot(null);
    const { conversation } = await w.say(bot, telegramUser("Bo"));
    expect(conversation.status).toBe("operator");
    expect(await lines(bot.id)).toEqual([]);
  });

  it("a summary when the conversation reaches operators, the customer's lines while there, and what happens to it", async () => {
    const bot = await forumBot();
    const { from, conversation } = await routed(bot);
    const [summary] = await lines(bot.id);
    expect(summary).toContain("🆕 Ann Smith waits for an operator");
    expect(summary).toContain("Step: Talk to us (r)");
    expect(summary).toContain("› /start");

    await w.db.transaction((tx) => mirrorCustomerMessage(tx, bot, from.id, { text: "Hello?", media: null }));
    await w.db.transaction((tx) =>
      mirrorCustomerMessage(tx, bot, from.id, { text: "my receipt", media: "photo" }),
    );
    await takeConversation(w.db, anna, conversation.id, ENV);
    await replyAsOperator(w.db, anna, conversation.id, "Hi, Anna here");
    // The reply is mirrored once Telegram took it (the runtime calls this when recording it as sent).
    const [reply] = (await w.outgoing(conversation.id)).filter((m) => m.text === "Hi, Anna here");
    expect(await w.db.transaction((tx) => mirrorDeliveredReply(tx, bot.id, reply!))).toBe(true);
    // A bot message is not mirrored.
    const [connected] = await w.outgoing(conversation.id);
    expect(await w.db.transaction((tx) => mirrorDeliveredReply(tx, bot.id, connected!))).toBe(false);
    await w.text(bot, from, "/end");
    // Once the conversation left the operators, the customer's messages are theirs and the bot's again.
    expect(
      await w.db.transaction((tx) => mirrorCustomerMessage(tx, bot, from.id, { text: "hi", media: null })),
    ).toBe(false);

    expect((await lines(bot.id)).slice(1)).toEqual([
      "Ann Smith: Hello?",
      "Ann Smith: [photo] my receipt",
      "— Anna took the conversation.",
      "Anna (inbox): Hi, Anna here",
      "— The customer ended the conversation.",
    ]);
  });

  it("a group switched on while the conversation is with operators opens the topic with a summary first", async () => {
    const bot = await forumBot(null);
    const from = telegramUser("Ida");
    await w.say(bot, from);
    await w.db
      .update(bots)
      .set({ settings: { operatorGroup: { chatId: GROUP, enabled: true } } })
      .where(eq(bots.id, bot.id));
    await w.db.transaction((tx) =>
      mirrorCustomerMessage(tx, bot, from.id, { text: "Still there?", media: null }),
    );
    await w.db.transaction((tx) => mirrorCustomerMessage(tx, bot, from.id, { text: "Hello?", media: null }));
    const all = await lines(bot.id);
    expect(all).toHaveLength(3);
    expect(all[0]).toContain("🆕 Ida waits for an operator");
    expect(all.slice(1)).toEqual(["Ida: Still there?", "Ida: Hello?"]);
  });
});

describe("claiming the topic outbox", () => {
  it("coalesces the pending lines, leases them, backs off, and records them as sent", async () => {
    const bot = await forumBot();
    const { key } = await routed(bot, "Cy");
    for (const t of ["Cy: 1", "Cy: 2", "Cy: 3"])
      await enqueueTopicText(w.db, { ...key, conversationId: null }, t);
    expect(await pendingTopics(w.db, bot.id)).toEqual([key]);

    const claim = await claimTopicBatch(w.db, key, 60_000);
    if (claim.kind !== "claimed") throw new Error(claim.kind);
    expect(claim.batch.text.split("\n").slice(-3)).toEqual(["Cy: 1", "Cy: 2", "Cy: 3"]);
    expect(claim.batch.ids).toHaveLength(4); // the summary too
    expect(claim.batch.messageThreadId).toBeNull();
    expect(claim.batch.name).toMatch(/^Cy Smith \(@cy\d+\)$/);

    // Another process finds the topic being sent, even the lines queued since.
    await enqueueTopicText(w.db, { ...key, conversationId: null }, "Cy: 4");
    const other = await w.newClient(2);
    expect(await claimTopicBatch(other, key, 60_000)).toEqual({ kind: "done" });

    // Telegram said 429 with retry_after 2: nobody sends it before.
    await retryTopicLater(w.db, claim.batch.ids, 2000, "Too Many Requests: retry after 2");
    const waiting = await claimTopicBatch(other, key, 60_000);
    expect(waiting.kind).toBe("wait");
    expect((waiting as { ms: number }).ms).toBeGreaterThan(1000);

    // After the wait, everything pending goes out together (line 4 too), in order.
    await w.db.update(topicOutbox).set({ notBefore: null }).where(eq(topicOutbox.botId, bot.id));
    const again = await claimTopicBatch(other, key, 60_000);
    if (again.kind !== "claimed") throw new Error(again.kind);
    expect(again.batch.text.split("\n").slice(-4)).toEqual(["Cy: 1", "Cy: 2", "Cy: 3", "Cy: 4"]);
    expect(again.batch.attempts).toBe(2);
    await saveTopic(w.db, { ...key, messageThreadId: 77, name: again.batch.name });
    await recordTopicSent(w.db, again.batch.ids);
    expect(await claimTopicBatch(w.db, key, 60_000)).toEqual({ kind: "done" });
    expect(await pendingTopics(w.db, bot.id)).toEqual([]);

    // The next line goes to the topic that now exists.
    await enqueueTopicText(w.db, { ...key, conversationId: null }, "Cy: 5");
    const next = await claimTopicBatch(w.db, key, 60_000);
    expect(next.kind === "claimed" && next.batch.messageThreadId).toBe(77);
  });

  it("a customer's formatting is kept with their line and moved into place in the coalesced message", async () => {
    const bot = await forumBot();
    const { from, key } = await routed(bot, "Eve");
    const url = { type: "url", offset: 4, length: 17 };
    await w.db.transaction((tx) =>
      mirrorCustomerMessage(tx, bot, from.id, {
        text: "see https://x.example now",
        media: null,
        entities: [url],
      }),
    );
    const bold = { type: "bold", offset: 0, length: 7 };
    await w.db.transaction((tx) =>
      mirrorCustomerMessage(tx, bot, from.id, {
        text: "receipt 🧾 attached",
        media: "photo",
        entities: [bold],
      }),
    );
    const stored = await w.db
      .select({ entities: topicOutbox.entities })
      .from(topicOutbox)
      .where(eq(topicOutbox.botId, bot.id))
      .orderBy(asc(topicOutbox.createdAt));
    // The summary is plain; each line's entities are its own, after "Eve Smith: " (11) and "[photo] " (8).
    expect(stored.map((r) => r.entities)).toEqual([
      null,
      [{ ...url, offset: 15 }],
      [{ ...bold, offset: 19 }],
    ]);

    const claim = await claimTopicBatch(w.db, key, 60_000);
    if (claim.kind !== "claimed") throw new Error(claim.kind);
    const { text, entities } = claim.batch;
    const first = text.indexOf("Eve Smith: see");
    const second = text.indexOf("Eve Smith: [photo]");
    expect(entities).toEqual([
      { type: "url", offset: first + 15, length: 17 },
      { type: "bold", offset: second + 19, length: 7 },
    ]);
    expect(entities.map((e) => text.slice(e.offset, e.offset + e.length))).toEqual([
      "https://x.example",
      "receipt",
    ]);
  });

  it("a crashed sender's lease runs out and another process takes its lines", async () => {
    const bot = await forumBot();
    const { key } = await routed(bot, "Di");
    const first = await claimTopicBatch(w.db, key, 60_000);
    expect(first.kind).toBe("claimed");
    expect(await claimTopicBatch(w.db, key, 60_000)).toEqual({ kind: "done" });
    await w.db
      .update(topicOutbox)
      .set({ leasedUntil: new Date(Date.now() - 1) })
      .where(eq(topicOutbox.botId, bot.id));
    const retaken = await claimTopicBatch(w.db, key, 60_000);
    expect(retaken.kind === "claimed" && retaken.batch.ids).toEqual(
      first.kind === "claimed" && first.batch.ids,
    );
    expect(TOPIC_LEASE_MS).toBe(30_000);
  });

  it("a topic in another group (the setting changed) does not count: the new group gets its own", async () => {
    const bot = await forumBot();
    const { key } = await routed(bot, "Ed");
    await saveTopic(w.db, { ...key, groupChatId: -1001111111111, messageThreadId: 5, name: "Ed" });
    const claim = await claimTopicBatch(w.db, key, 60_000);
    expect(claim.kind === "claimed" && claim.batch.messageThreadId).toBeNull();
  });
});

describe("messages from the group", () => {
  async function withTopic(name: string) {
    const bot = await forumBot();
    const r = await routed(bot, name);
    const threadId = Math.floor(Math.random() * 1_000_000) + 10;
    await saveTopic(w.db, { ...r.key, messageThreadId: threadId, name });
    return { bot, threadId, ...r };
  }
  const receive = (bot: TestBot, msg: GroupMessage) =>
    w.db.transaction((tx) => receiveFromOperatorGroup(tx, bot, msg, ENV));

  it("are ignored outside a customer's topic, from bots, as service messages, or in another group", async () => {
    const { bot, threadId } = await withTopic("Fay");
    expect(await receive(bot, groupMessage(null, "General"))).toEqual({
      kind: "ignored",
      reason: "the General topic",
    });
    expect(await receive(bot, groupMessage(threadId + 1, "x"))).toEqual({
      kind: "ignored",
      reason: "not a customer's topic",
    });
    expect(
      await receive(
        bot,
        groupMessage(threadId, "x", { id: 1, isBot: true, firstName: "Other bot", username: "o" }),
      ),
    ).toEqual({
      kind: "ignored",
      reason: "not from a person",
    });
    expect(await receive(bot, { ...groupMessage(threadId, "x"), service: true })).toEqual({
      kind: "ignored",
      reason: "a service message",
    });
    expect(await receive(bot, { ...groupMessage(threadId, "x"), chatId: -1002222222222 })).toEqual({
      kind: "ignored",
      reason: "not the bot's operators' group",
    });
    expect(await receive(bot, groupMessage(threadId, "/close@someone_else_bot"))).toEqual({
      kind: "ignored",
      reason: "a command for another bot",
    });
  });

  it("a reply is a normal outbound message of the conversation; /close closes it; afterwards the group is told", async () => {
    const { bot, threadId, conversation } = await withTopic("Gus");
    const outcome = await receive(bot, groupMessage(threadId, "Hello Gus"));
    expect(outcome).toEqual({
      kind: "answered",
      conversationId: conversation.id,
      chatId: conversation.chatId,
      taken: false,
    });
    const out = (await w.outgoing(conversation.id)).at(-1) as MessageRow;
    expect(out).toMatchObject({
      text: "Hello Gus",
      deliveryStatus: "pending",
      senderUserId: null,
      stepId: null,
    });
    expect(out.payload).toEqual({
      method: "sendMessage",
      params: { chat_id: conversation.chatId, text: "Hello Gus" },
      forum: { telegramUserId: 9001, name: "Oscar (@oscar)" },
    });
    // Not mirrored back when it is sent.
    expect(await w.db.transaction((tx) => mirrorDeliveredReply(tx, bot.id, out))).toBe(false);
    // Files are not forwarded; the group is told.
    expect(
      (await receive(bot, { ...groupMessage(threadId, "look"), content: { text: "look", media: "photo" } }))
        .kind,
    ).toBe("refused");
    expect((await receive(bot, groupMessage(threadId, "/help"))).kind).toBe("refused");

    expect(await receive(bot, groupMessage(threadId, "/close"))).toEqual({
      kind: "closed",
      conversationId: conversation.id,
      chatId: conversation.chatId,
    });
    expect((await w.conversation(conversation.id)).status).toBe("closed");
    expect((await w.outTexts(conversation.id)).at(-1)).toBe("Consultation completed");
    expect(
      await w.db.select().from(operatorQueue).where(eq(operatorQueue.conversationId, conversation.id)),
    ).toEqual([]);
    expect((await receive(bot, groupMessage(threadId, "/close"))).kind).toBe("refused");
    expect((await lines(bot.id)).slice(1)).toEqual([
      "— Oscar (@oscar) is not linked to a member of the workspace: the answer went out, and the conversation still waits for an operator.",
      "— Not sent: only text goes to the customer from here. Send files from the web inbox.",
      "— Unknown command /help. Write a message to answer; /close ends the conversation.",
      "— The conversation was closed.",
      "— Nothing to close: the conversation is closed; the customer reaches you again when the bot routes them.",
    ]);
  });

  it("a linked member in the pool takes the waiting conversation; one who is not in the pool answers, and it stays waiting", async () => {
    const { bot, threadId, conversation } = await withTopic("Hal");
    const boris = await w.addMember("Boris", "operator"); // linked, not in this bot's pool
    await w.db.insert(contacts).values([
      { workspaceId: w.workspaceId, telegramUserId: 7001, firstName: "Anna", linkedUserId: anna.userId },
      { workspaceId: w.workspaceId, telegramUserId: 7002, firstName: "Boris", linkedUserId: boris.userId },
    ]);
    const borisSays = await receive(
      bot,
      groupMessage(threadId, "Boris here", { id: 7002, isBot: false, firstName: "Boris", username: "boris" }),
    );
    expect(borisSays).toMatchObject({ kind: "answered", taken: false });
    expect((await w.outgoing(conversation.id)).at(-1)?.senderUserId).toBe(boris.userId);
    expect((await lines(bot.id)).at(-1)).toBe(
      "— Boris can't take it: Join this bot's operators to take its conversations. It stays waiting.",
    );
    const annaSays = await receive(
      bot,
      groupMessage(threadId, "Anna here", { id: 7001, isBot: false, firstName: "Anna", username: "anna" }),
    );
    expect(annaSays).toMatchObject({ kind: "answered", taken: true });
    const [open] = await w.db
      .select()
      .from(conversationAssignments)
      .where(
        and(
          eq(conversationAssignments.conversationId, conversation.id),
          isNull(conversationAssignments.endedAt),
        ),
      );
    expect(open?.operatorUserId).toBe(anna.userId);
    // The connected texts first, then her answer, all in the customer's outbox.
    expect((await w.outTexts(conversation.id)).slice(-3)).toEqual([
      "Connected to chat. Please start messaging!",
      "If you would like to end your consultation Press: /end",
      "Anna here",
    ]);
    const sent = await w.db.select().from(messages).where(eq(messages.text, "Anna here"));
    expect(sent[0]?.senderUserId).toBe(anna.userId);
    expect(await w.db.select().from(forumTopics).where(eq(forumTopics.botId, bot.id))).toHaveLength(1);
  });
});

describe("pruning", () => {
  it("deletes lines sent more than a week ago, never pending ones", async () => {
    const bot = await forumBot();
    const { key } = await routed(bot, "Jo");
    await enqueueTopicText(w.db, { ...key, conversationId: null }, "Jo: old");
    const [summary, old] = await w.db
      .select()
      .from(topicOutbox)
      .where(eq(topicOutbox.botId, bot.id))
      .orderBy(asc(topicOutbox.createdAt));
    await recordTopicSent(w.db, [summary!.id]);
    await w.db
      .update(topicOutbox)
      .set({ sentAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(topicOutbox.id, summary!.id));
    await w.db
      .update(topicOutbox)
      .set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(topicOutbox.id, old!.id));
    await pruneTopicOutbox(w.db);
    expect(await lines(bot.id)).toEqual(["Jo: old"]);
  });
});
