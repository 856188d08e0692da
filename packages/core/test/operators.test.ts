import { conversationAssignments, operatorQueue, timers } from "@switchboard/db";
import { defaultOperatorTexts } from "@switchboard/flow";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import {
  closeConversation,
  operatorQueueOf,
  replyAsOperator,
  returnToBot,
  takeConversation,
} from "../src/operators/inbox";
import { joinOperatorPool } from "../src/operators/pools";
import { enqueueForOperator } from "../src/operators/queue";
import { fireTimer } from "../src/timers/fire";
import { createWorld, ENV, errorCode, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
let flowId: string;
/** Two operators of the workspace, in every test bot's pool. */
let anna: Actor;
let boris: Actor;

/** Without the operator's name the "connected" text starts its own sentence. */
const CONNECTED_ALONE = "Connected to chat. Please start messaging!";
const CONNECTED = [CONNECTED_ALONE, defaultOperatorTexts.howToEnd];

beforeAll(async () => {
  w = await createWorld("core_operators");
  ({ flowId } = await w.publish(
    flowDoc(
      [
        textStep("hi", "Hi"),
        routeStep("r", "Connecting you…"),
        textStep("none", "Nobody's here"),
        textStep("back", "The bot is back"),
        textStep("menu", "Main menu"),
      ],
      [
        ["hi", "next", "r"],
        ["r", "no_operator", "none"],
        ["r", "returned", "back"],
      ],
    ),
  ));
  anna = await w.addMember("Anna", "operator");
  boris = await w.addMember("Boris", "operator");
});
afterAll(async () => {
  await w?.close();
});

/** A bot running the operator flow with Anna and Boris in its pool. */
async function staffedBot(settings: Record<string, unknown> = {}) {
  const bot = await w.addBot({ flowId, settings });
  await joinOperatorPool(w.db, anna, bot.id);
  await joinOperatorPool(w.db, boris, bot.id);
  return bot;
}

/** A user starts and is routed: the conversation waits in the bot's queue. */
async function waiting(bot: TestBot, name = "Kim") {
  const user = telegramUser(name);
  await w.say(bot, user);
  return { user, conversation: await w.conversationOf(bot.id, user.id) };
}

const queueRow = async (conversationId: string) =>
  (await w.db.select().from(operatorQueue).where(eq(operatorQueue.conversationId, conversationId)))[0];

const assignments = (conversationId: string) =>
  w.db
    .select()
    .from(conversationAssignments)
    .where(eq(conversationAssignments.conversationId, conversationId));

const openAssignments = (conversationId: string) =>
  w.db
    .select()
    .from(conversationAssignments)
    .where(
      and(
        eq(conversationAssignments.conversationId, conversationId),
        isNull(conversationAssignments.endedAt),
      ),
    );

describe("the queue", () => {
  it("enqueueForOperator with an empty pool: unavailable, and nothing queued", async () => {
    const bot = await w.addBot({ flowId });
    const { conversation } = await waiting(bot);
    expect(await enqueueForOperator(w.db, conversation, "r")).toEqual({ available: false });
    expect(await queueRow(conversation.id)).toBeUndefined();
  });

  it("a route step with an empty pool: the no-operator text and output, status back to bot", async () => {
    const bot = await w.addBot({ flowId });
    const { conversation } = await waiting(bot);
    expect(await w.outTexts(conversation.id)).toEqual([
      "Hi",
      "Connecting you…",
      defaultOperatorTexts.noOperator,
      "Nobody's here",
    ]);
    const row = await w.conversation(conversation.id);
    expect(row.status).toBe("bot");
    expect(row.currentStepId).toBe("none");
    expect(await queueRow(conversation.id)).toBeUndefined();
  });

  it("with a pool: status operator, one queue row at the route step; queuing again keeps one row", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    expect((await w.conversation(conversation.id)).status).toBe("operator");
    expect(await queueRow(conversation.id)).toMatchObject({
      botId: bot.id,
      stepId: "r",
      workspaceId: w.workspaceId,
    });
    expect(await enqueueForOperator(w.db, conversation, "r")).toEqual({ available: true });
    expect(
      await w.db.select().from(operatorQueue).where(eq(operatorQueue.conversationId, conversation.id)),
    ).toHaveLength(1);
    const { waiting: list } = await operatorQueueOf(w.db, anna);
    expect(list.map((q) => q.conversationId)).toContain(conversation.id);
  });

  it("nobody takes it within the maximum wait: the timer releases the queue row, status bot, the after-max-wait text", async () => {
    const bot = await staffedBot({ operator: { maxWaitMinutes: 5 } });
    const { conversation } = await waiting(bot);
    const [timer] = await w.timersOf(conversation.id);
    expect(timer).toBeDefined();
    await w.db.update(timers).set({ fireAt: sql`now()` }).where(eq(timers.id, timer!.id));
    expect(await fireTimer(w.db, timer!, ENV)).toBe("fired");
    expect(await queueRow(conversation.id)).toBeUndefined();
    const row = await w.conversation(conversation.id);
    expect(row.status).toBe("bot");
    expect((await w.outTexts(conversation.id)).slice(-2)).toEqual([
      defaultOperatorTexts.afterMaxWait,
      "Nobody's here",
    ]);
  });
});

describe("takeConversation", () => {
  it("takes it: out of the queue, one open assignment, the connected texts, the wait timer cancelled", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    const taken = await takeConversation(w.db, anna, conversation.id, ENV);
    expect(taken.status).toBe("operator");
    expect(await queueRow(conversation.id)).toBeUndefined();
    expect((await openAssignments(conversation.id)).map((a) => a.operatorUserId)).toEqual([anna.userId]);
    expect((await w.outTexts(conversation.id)).slice(-2)).toEqual(CONNECTED);
    const [timer] = await w.timersOf(conversation.id);
    expect(timer!.cancelledAt).not.toBeNull();
    const { mine } = await operatorQueueOf(w.db, anna);
    expect(mine.map((m) => m.conversationId)).toContain(conversation.id);
  });

  it("two operators at once (two pools): one gets it, the other a CONFLICT; the texts are sent once", async () => {
    const bot = await staffedBot();
    const other = await w.newClient();
    for (let round = 0; round < 3; round++) {
      const { conversation } = await waiting(bot, `Race${round}`);
      const results = await Promise.allSettled([
        takeConversation(w.db, anna, conversation.id, ENV),
        takeConversation(other, boris, conversation.id, ENV),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const [failed] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(failed!.reason).toMatchObject({ name: "DomainError", code: "CONFLICT" });
      expect(String(failed!.reason.message)).toMatch(/already took this conversation/);
      expect(await openAssignments(conversation.id)).toHaveLength(1);
      const texts = await w.outTexts(conversation.id);
      expect(texts.filter((t) => t === CONNECTED_ALONE)).toHaveLength(1);
    }
  });

  it("taking it again, by the same operator, is a CONFLICT", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    expect(await errorCode(() => takeConversation(w.db, anna, conversation.id, ENV))).toBe("CONFLICT");
    expect(await assignments(conversation.id)).toHaveLength(1);
  });

  it("a member outside the bot's pool may not take it (FORBIDDEN), and it stays queued", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    const outsider = await w.addMember("Outsider", "operator");
    expect(await errorCode(() => takeConversation(w.db, outsider, conversation.id, ENV))).toBe("FORBIDDEN");
    expect(await queueRow(conversation.id)).toBeDefined();
    expect(await assignments(conversation.id)).toEqual([]);
  });

  it("another workspace's member gets NOT_FOUND; a conversation with the bot gets PRECONDITION_FAILED", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    const stranger: Actor = { ...anna, workspaceId: "00000000-0000-4000-8000-0000000000cc" };
    expect(await errorCode(() => takeConversation(w.db, stranger, conversation.id, ENV))).toBe("NOT_FOUND");
    const unstaffed = await w.addBot({ flowId });
    const { conversation: withBot } = await waiting(unstaffed);
    expect(await errorCode(() => takeConversation(w.db, anna, withBot.id, ENV))).toBe("PRECONDITION_FAILED");
  });

  it("enforces the bot's maximum parallel chats per operator; closing one frees a place", async () => {
    const bot = await staffedBot({ operator: { maxParallelChats: 2 } });
    const [c1, c2, c3] = [await waiting(bot, "C1"), await waiting(bot, "C2"), await waiting(bot, "C3")];
    await takeConversation(w.db, anna, c1.conversation.id, ENV);
    await takeConversation(w.db, anna, c2.conversation.id, ENV);
    expect(await errorCode(() => takeConversation(w.db, anna, c3.conversation.id, ENV))).toBe("CONFLICT");
    expect(await queueRow(c3.conversation.id)).toBeDefined();
    // Boris has room.
    await takeConversation(w.db, boris, c3.conversation.id, ENV);
    // Another bot's conversations do not count against this bot's maximum.
    const otherBot = await staffedBot({ operator: { maxParallelChats: 2 } });
    const elsewhere = await waiting(otherBot, "Elsewhere");
    await takeConversation(w.db, anna, elsewhere.conversation.id, ENV);
    // Closing one frees a place.
    const c4 = await waiting(bot, "C4");
    expect(await errorCode(() => takeConversation(w.db, anna, c4.conversation.id, ENV))).toBe("CONFLICT");
    await closeConversation(w.db, anna, c1.conversation.id, ENV);
    await takeConversation(w.db, anna, c4.conversation.id, ENV);
  });

  it("enforces the maximum also when one operator takes several conversations at once", async () => {
    const bot = await staffedBot({ operator: { maxParallelChats: 1 } });
    const other = await w.newClient();
    const chats = [await waiting(bot, "P1"), await waiting(bot, "P2"), await waiting(bot, "P3")];
    const results = await Promise.allSettled(
      chats.map((c, i) => takeConversation(i % 2 ? other : w.db, anna, c.conversation.id, ENV)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected"))
      expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const open = await w.db
      .select()
      .from(conversationAssignments)
      .where(
        and(eq(conversationAssignments.operatorUserId, anna.userId), isNull(conversationAssignments.endedAt)),
      );
    expect(open.filter((a) => chats.some((c) => c.conversation.id === a.conversationId))).toHaveLength(1);
  });
});

describe("replyAsOperator", () => {
  it("the assignee's reply is queued as the operator's (no step), split at Telegram's limit", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    expect(await replyAsOperator(w.db, anna, conversation.id, "  Hello, I'm Anna.  ")).toEqual({ queued: 1 });
    const long = Array.from({ length: 900 }, () => "word").join(" "); // 4,499 characters
    expect(await replyAsOperator(w.db, anna, conversation.id, long)).toEqual({ queued: 2 });
    const out = await w.outgoing(conversation.id);
    const replies = out.filter((m) => m.senderUserId === anna.userId);
    expect(replies.map((m) => m.text?.length)).toEqual([16, expect.any(Number), expect.any(Number)]);
    expect(replies[0]).toMatchObject({
      text: "Hello, I'm Anna.",
      stepId: null,
      deliveryStatus: "pending",
      direction: "out",
    });
    expect(
      replies
        .slice(1)
        .map((m) => m.text)
        .join(""),
    ).toBe(long);
  });

  it.each<[string, "other" | "owner" | "before"]>([
    ["another operator", "other"],
    ["the owner (who may close or return it, but not speak for the assignee)", "owner"],
    ["anyone before it is taken", "before"],
  ])("%s: FORBIDDEN, nothing queued", async (_, who) => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    if (who !== "before") await takeConversation(w.db, anna, conversation.id, ENV);
    const actor = who === "owner" ? w.owner() : who === "other" ? boris : anna;
    const before = (await w.outgoing(conversation.id)).length;
    expect(await errorCode(() => replyAsOperator(w.db, actor, conversation.id, "Hi"))).toBe("FORBIDDEN");
    expect(await w.outgoing(conversation.id)).toHaveLength(before);
  });

  it("a blank reply is INVALID", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    expect(await errorCode(() => replyAsOperator(w.db, anna, conversation.id, "  \n "))).toBe("INVALID");
  });
});

describe("returnToBot and closeConversation", () => {
  it("to a step the flow doesn't have: INVALID, and nothing changes", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    const before = await w.outTexts(conversation.id);
    expect(await errorCode(() => returnToBot(w.db, anna, conversation.id, "nope", ENV))).toBe("INVALID");
    expect((await w.conversation(conversation.id)).status).toBe("operator");
    expect(await openAssignments(conversation.id)).toHaveLength(1);
    expect(await w.outTexts(conversation.id)).toEqual(before);
  });

  it("without a step: the route step's returned output; the assignment ends as returned", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    const back = await returnToBot(w.db, anna, conversation.id, undefined, ENV);
    expect(back).toMatchObject({ status: "bot", currentStepId: "back" });
    expect((await w.outTexts(conversation.id)).at(-1)).toBe("The bot is back");
    const [a] = await assignments(conversation.id);
    expect(a).toMatchObject({ operatorUserId: anna.userId, endReason: "returned" });
    expect(a!.endedAt).not.toBeNull();
  });

  it("to a chosen step, by the owner (not the assignee)", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    const back = await returnToBot(w.db, w.owner(), conversation.id, "menu", ENV);
    expect(back).toMatchObject({ status: "bot", currentStepId: "menu" });
    expect((await w.outTexts(conversation.id)).at(-1)).toBe("Main menu");
  });

  it("another operator may not return or close it (FORBIDDEN)", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    expect(await errorCode(() => returnToBot(w.db, boris, conversation.id, undefined, ENV))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(() => closeConversation(w.db, boris, conversation.id, ENV))).toBe("FORBIDDEN");
  });

  it("close: the completed text, status closed, the assignment ends as closed; a second close is PRECONDITION_FAILED", async () => {
    const bot = await staffedBot();
    const { conversation } = await waiting(bot);
    await takeConversation(w.db, anna, conversation.id, ENV);
    const closed = await closeConversation(w.db, anna, conversation.id, ENV);
    expect(closed.status).toBe("closed");
    expect((await w.outTexts(conversation.id)).at(-1)).toBe(defaultOperatorTexts.completed);
    expect((await assignments(conversation.id))[0]).toMatchObject({ endReason: "closed" });
    expect(await errorCode(() => closeConversation(w.db, anna, conversation.id, ENV))).toBe(
      "PRECONDITION_FAILED",
    );
  });
});
