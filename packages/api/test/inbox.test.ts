import { defaultOperatorTexts } from "@switchboard/flow";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
/** An operator of the owner's workspace. */
let operator: Member;
/** Another workspace. */
let stranger: Member;
let bot: Awaited<ReturnType<World["publishedBot"]>>;

/** Hello, then an operator; handed back, the bot says so. */
const operatorFlow = () =>
  flowDoc(
    [
      textStep("hello", "Hi! Let me find you a person."),
      routeStep("op", "Connecting you…"),
      textStep("back", "The bot is back."),
      textStep("elsewhere", "Somewhere else."),
    ],
    [
      ["hello", "next", "op"],
      ["op", "returned", "back"],
    ],
  );

let nextUser = 5_000;
const newUser = (first_name = "Ann") => ({ id: ++nextUser, first_name, username: `u${nextUser}` });

/** A user writes; the flow puts the conversation in the operator queue. */
async function waitingConversation() {
  const result = await w.userSays(bot, newUser());
  expect(result.conversation.status).toBe("operator");
  return result.conversation.id;
}

const texts = async (conversationId: string) => (await w.outbox(conversationId)).map((m) => m.text);

beforeAll(async () => {
  w = await createWorld("inbox");
  owner = await w.member("owner");
  operator = await w.member("operator", owner.workspaceId);
  stranger = await w.member("owner");
  bot = await w.publishedBot(owner, operatorFlow(), "Support");
});

afterAll(async () => {
  await w?.close();
});

describe("operator round trip", () => {
  let conversationId: string;

  it("a conversation that reaches Route to operator waits in the queue", async () => {
    conversationId = await waitingConversation();
    expect(await texts(conversationId)).toEqual(["Hi! Let me find you a person.", "Connecting you…"]);
    const queue = await owner.api.inbox.queue();
    expect(queue.mine).toEqual([]);
    expect(queue.waiting).toEqual([
      expect.objectContaining({
        conversationId,
        botId: bot.botId,
        botUsername: bot.username,
        stepId: "op",
        contactName: "Ann",
        inMyPool: true, // connecting the bot put the owner in its pool
      }),
    ]);
    expect((await operator.api.inbox.queue()).waiting).toEqual([
      expect.objectContaining({ conversationId, inMyPool: false }),
    ]);
    expect((await owner.api.conversations.list({ status: "operator" })).map((c) => c.id)).toEqual([
      conversationId,
    ]);
    expect(await owner.api.conversations.list({ status: "closed" })).toEqual([]);
  });

  it("a member outside the bot's pool can't take it; joining the pool lets them", async () => {
    await expectTrpcError(
      operator.api.inbox.take({ conversationId }),
      "FORBIDDEN",
      "Join this bot's operators to take its conversations.",
    );
    const pool = await operator.api.operators.join({ botId: bot.botId });
    expect(pool.map((m) => m.userId).sort()).toEqual([owner.userId, operator.userId].sort());

    const taken = await operator.api.inbox.take({ conversationId });
    expect(taken).toMatchObject({ id: conversationId, botId: bot.botId, status: "operator" });
    expect((await texts(conversationId)).slice(-2)).toEqual([
      "Connected to chat. Please start messaging!",
      defaultOperatorTexts.howToEnd,
    ]);
    const queue = await operator.api.inbox.queue();
    expect(queue.waiting).toEqual([]);
    expect(queue.mine).toEqual([expect.objectContaining({ conversationId, botId: bot.botId })]);
  });

  it("a second member's take of a taken conversation is CONFLICT", async () => {
    await expectTrpcError(
      owner.api.inbox.take({ conversationId }),
      "CONFLICT",
      "operator already took this conversation.",
    );
  });

  it("only the operator who has it replies; replies are queued with the sender", async () => {
    await expectTrpcError(
      owner.api.inbox.reply({ conversationId, text: "me too" }),
      "FORBIDDEN",
      "operator has this conversation.",
    );
    await expectTrpcError(
      operator.api.inbox.reply({ conversationId, text: "   " }),
      "BAD_REQUEST",
      "Write a message first.",
    );
    expect(await operator.api.inbox.reply({ conversationId, text: " Hello, I'm Olga. " })).toEqual({
      queued: 1,
    });
    const last = (await w.outbox(conversationId)).at(-1)!;
    expect(last).toMatchObject({ text: "Hello, I'm Olga.", senderUserId: operator.userId });
    // A text over Telegram's 4,096 characters goes as two messages.
    expect(await operator.api.inbox.reply({ conversationId, text: "x".repeat(5000) })).toEqual({ queued: 2 });

    const { messages } = await owner.api.conversations.transcript({ id: conversationId });
    const reply = messages.find((m) => m.text === "Hello, I'm Olga.")!;
    expect(reply).toMatchObject({
      direction: "out",
      deliveryStatus: "pending",
      senderUserId: operator.userId,
      senderName: "operator",
      media: null,
    });
    // The flow's messages have no sender.
    expect(messages.find((m) => m.text === "Connecting you…")).toMatchObject({
      senderUserId: null,
      senderName: null,
    });
  });

  it("returnToBot continues the flow at the Route step's `returned` output", async () => {
    await expectTrpcError(
      operator.api.inbox.returnToBot({ conversationId, stepId: "nope" }),
      "BAD_REQUEST",
      `The bot's flow has no step "nope".`,
    );
    const back = await operator.api.inbox.returnToBot({ conversationId });
    expect(back).toMatchObject({ id: conversationId, status: "bot", currentStepId: "back" });
    expect((await texts(conversationId)).at(-1)).toBe("The bot is back.");
    expect((await owner.api.conversations.transcript({ id: conversationId })).conversation.status).toBe(
      "bot",
    );
    expect((await operator.api.inbox.queue()).mine).toEqual([]);
    // No longer with an operator: nothing more to take, reply to or hand back.
    await expectTrpcError(operator.api.inbox.take({ conversationId }), "PRECONDITION_FAILED");
    await expectTrpcError(
      operator.api.inbox.reply({ conversationId, text: "still there?" }),
      "PRECONDITION_FAILED",
      "This conversation is not with an operator now.",
    );
  });

  it("returnToBot may name the step to continue at", async () => {
    const id = await waitingConversation();
    await operator.api.inbox.take({ conversationId: id });
    const back = await operator.api.inbox.returnToBot({ conversationId: id, stepId: "elsewhere" });
    expect(back).toMatchObject({ status: "bot", currentStepId: "elsewhere" });
    expect((await texts(id)).at(-1)).toBe("Somewhere else.");
  });
});

describe("closing", () => {
  it("the operator closes: the completed text, status closed", async () => {
    const id = await waitingConversation();
    await operator.api.inbox.take({ conversationId: id });
    const closed = await operator.api.inbox.close({ conversationId: id });
    expect(closed).toMatchObject({ id, status: "closed" });
    expect(await texts(id)).toContain(defaultOperatorTexts.completed);
    expect((await owner.api.conversations.list({ status: "closed" })).map((c) => c.id)).toContain(id);
  });

  it("an owner may close or hand back another operator's conversation; a member may not", async () => {
    const marketer = await w.member("marketer", owner.workspaceId);
    const id = await waitingConversation();
    await operator.api.inbox.take({ conversationId: id });
    await expectTrpcError(marketer.api.inbox.close({ conversationId: id }), "FORBIDDEN", /operator has/);
    await expectTrpcError(marketer.api.inbox.returnToBot({ conversationId: id }), "FORBIDDEN");
    expect(await owner.api.inbox.close({ conversationId: id })).toMatchObject({ status: "closed" });
  });

  it("closing a waiting conversation nobody took: take it first", async () => {
    const id = await waitingConversation();
    await expectTrpcError(
      operator.api.inbox.close({ conversationId: id }),
      "FORBIDDEN",
      "Take the conversation first.",
    );
    // The owner may end it anyway.
    expect(await owner.api.inbox.close({ conversationId: id })).toMatchObject({ status: "closed" });
    expect((await owner.api.inbox.queue()).waiting.map((c) => c.conversationId)).not.toContain(id);
  });
});

describe("the bot's operator settings apply", () => {
  it("maxParallelChats and showOperatorName", async () => {
    await owner.api.bots.updateSettings({
      id: bot.botId,
      settings: { operator: { maxParallelChats: 1, showOperatorName: true } },
    });
    const first = await waitingConversation();
    const second = await waitingConversation();
    await operator.api.inbox.take({ conversationId: first });
    expect(await texts(first)).toContain(`operator ${defaultOperatorTexts.connected}`);
    await expectTrpcError(
      operator.api.inbox.take({ conversationId: second }),
      "CONFLICT",
      "You already have 1 conversations of this bot, its maximum. Close one first.",
    );
    await operator.api.inbox.close({ conversationId: first });
    await operator.api.inbox.take({ conversationId: second });
    await operator.api.inbox.close({ conversationId: second });
    await owner.api.bots.updateSettings({
      id: bot.botId,
      settings: { operator: { maxParallelChats: 5, showOperatorName: false } },
    });
  });
});

describe("operator pools", () => {
  it("lists the bot's pool; join is idempotent; leave removes only the caller", async () => {
    const marketer = await w.member("marketer", owner.workspaceId);
    await marketer.api.operators.join({ botId: bot.botId });
    const twice = await marketer.api.operators.join({ botId: bot.botId });
    expect(twice.filter((m) => m.userId === marketer.userId)).toHaveLength(1);
    expect(twice.find((m) => m.userId === marketer.userId)).toMatchObject({
      name: "marketer",
      email: `${marketer.userId}@example.test`,
      role: "marketer",
    });
    const after = await marketer.api.operators.leave({ botId: bot.botId });
    expect(after.map((m) => m.userId)).not.toContain(marketer.userId);
    expect(after.map((m) => m.userId)).toEqual(expect.arrayContaining([owner.userId, operator.userId]));
    expect(await operator.api.operators.pool({ botId: bot.botId })).toEqual(after);
  });

  it("a bot nobody serves: the flow goes on at no_operator right away", async () => {
    const lonely = await w.publishedBot(owner, operatorFlow(), "Lonely");
    await owner.api.operators.leave({ botId: lonely.botId });
    expect(await owner.api.operators.pool({ botId: lonely.botId })).toEqual([]);
    const result = await w.userSays(lonely, newUser("Bob"));
    expect(result.conversation.status).toBe("bot");
    expect((await texts(result.conversation.id)).at(-1)).toBe(defaultOperatorTexts.noOperator);
    expect((await owner.api.inbox.queue()).waiting.map((c) => c.botId)).not.toContain(lonely.botId);
  });
});

describe("another workspace", () => {
  it("sees nothing of the queue and can't take, reply, close or hand back", async () => {
    const id = await waitingConversation();
    expect(await stranger.api.inbox.queue()).toEqual({ waiting: [], mine: [] });
    await expectTrpcError(
      stranger.api.inbox.take({ conversationId: id }),
      "NOT_FOUND",
      "Conversation not found.",
    );
    await expectTrpcError(stranger.api.inbox.reply({ conversationId: id, text: "hi" }), "NOT_FOUND");
    await expectTrpcError(stranger.api.inbox.close({ conversationId: id }), "NOT_FOUND");
    await expectTrpcError(stranger.api.inbox.returnToBot({ conversationId: id }), "NOT_FOUND");
    await expectTrpcError(stranger.api.operators.join({ botId: bot.botId }), "NOT_FOUND", "Bot not found.");
    await expectTrpcError(stranger.api.operators.pool({ botId: bot.botId }), "NOT_FOUND");
    await expectTrpcError(stranger.api.operators.leave({ botId: bot.botId }), "NOT_FOUND");
    expect(await stranger.api.conversations.list({ status: "operator" })).toEqual([]);
    // Still waiting for the owner's workspace.
    expect((await owner.api.inbox.queue()).waiting.map((c) => c.conversationId)).toContain(id);
    await owner.api.inbox.close({ conversationId: id });
  });
});
