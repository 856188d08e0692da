import { conversations, stepCounts, timers } from "@switchboard/db";
import {
  buttonsStep,
  flowDoc,
  freeInputStep,
  goto,
  randomSplitStep,
  textStep,
} from "@switchboard/flow/testing";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldStepCountShards } from "../src/analytics/fold-step-counts";
import { stepAnalyticsOfFlow } from "../src/analytics/step-analytics";
import { StepCountBuffer } from "../src/analytics/step-count-buffer";
import type { TelegramUserInfo } from "../src/contacts/telegram";
import { receiveFromUser } from "../src/conversations/receive";
import type { SendNow } from "../src/outbox/enqueue";
import { fireTimer } from "../src/timers/fire";
import { createWorld, ENV, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
beforeAll(async () => {
  w = await createWorld("core_step_counts");
});
afterAll(async () => {
  await w?.close();
});

const today = new Date().toISOString().slice(0, 10);
const period = { from: today, to: today };

/** welcome → menu (A → a, B → ask) ; ask (email) → thanks */
const leadFlow = () =>
  flowDoc(
    [
      textStep("welcome", "Hi"),
      buttonsStep("menu", "Pick", [goto("a", "A"), goto("b", "B")]),
      textStep("a", "You chose A"),
      freeInputStep("ask", "Your email?", "email", { validation: { kind: "email" } }),
      textStep("thanks", "Thanks"),
    ],
    [
      ["welcome", "next", "menu"],
      ["menu", "button:a", "a"],
      ["menu", "button:b", "ask"],
      ["ask", "next", "thanks"],
    ],
  );

const press = (bot: TestBot, from: TelegramUserInfo, data: string) =>
  w.say(bot, from, { type: "callback", data, callbackQueryId: `cq-${data}` }, null);

describe("step counts: counted in the transaction that moves the conversation", () => {
  let bot: TestBot;
  let flowId: string;
  beforeAll(async () => {
    ({ flowId } = await w.publish(leadFlow()));
    bot = await w.addBot({ flowId });
    // Ann takes A; Bob leaves his email; Cy, Eve and Fay stop at the email question; Dee never picks.
    const ann = telegramUser("Ann");
    await w.say(bot, ann);
    await press(bot, ann, "menu:a");
    const bob = telegramUser("Bob");
    await w.say(bot, bob);
    await press(bot, bob, "menu:b");
    await w.text(bot, bob, "not an email");
    await w.text(bot, bob, "bob@example.com");
    for (const name of ["Cy", "Eve", "Fay"]) {
      const u = telegramUser(name);
      await w.say(bot, u);
      await press(bot, u, "menu:b");
    }
    await w.say(bot, telegramUser("Dee"));
  });

  it("arrivals, departures per output and stops per step", async () => {
    const figures = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period);
    expect(figures.version).toBe(1);
    const byStep = Object.fromEntries(figures.steps.map((s) => [s.stepId, s]));
    expect(byStep.welcome).toMatchObject({ reached: 6, wentOn: 6, stopped: 0, dropOff: false });
    expect(byStep.menu).toMatchObject({ reached: 6, wentOn: 5, stopped: 1, dropOff: false });
    expect(byStep.menu!.outputs).toEqual([
      { output: "button:a", targetStepId: "a", count: 1, share: 1 / 6 },
      { output: "button:b", targetStepId: "ask", count: 4, share: 4 / 6 },
    ]);
    // The rejected answer is no departure; three of four stopped at the question.
    expect(byStep.ask).toMatchObject({ reached: 4, wentOn: 1, stopped: 3, stopShare: 0.75, dropOff: true });
    // An end of the flow: everybody "stops", but it leads nowhere, so it is no drop-off.
    expect(byStep.a).toMatchObject({ reached: 1, wentOn: 0, stopped: 1, dropOff: false });
    expect(byStep.a!.outputs).toEqual([{ output: "next", targetStepId: null, count: 1, share: 1 }]);
    expect(byStep.thanks).toMatchObject({ reached: 1, stopped: 1 });
  });

  it("counts live in a few counter rows, not one per message", async () => {
    const rows = await w.db.select().from(stepCounts).where(eq(stepCounts.botId, bot.id));
    // 5 steps reached + 4 outputs taken + the two unconnected Nexts + went on from 3 steps, spread over
    // at most 8 shards each.
    expect(new Set(rows.map((r) => `${r.stepId}/${r.output}`)).size).toBe(14);
    expect(rows.every((r) => r.day === today)).toBe(true);
  });

  it("another period or version has its own counts", async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const before = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, { from: yesterday, to: yesterday });
    expect(before.steps.every((s) => s.reached === 0)).toBe(true);

    await w.publish(leadFlow(), flowId);
    await w.say(bot, telegramUser("Gus"));
    const v2 = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period);
    expect(v2.version).toBe(2);
    expect(v2.steps.find((s) => s.stepId === "menu")).toMatchObject({ reached: 1, stopped: 1 });
    const v1 = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, { ...period, version: 1 });
    expect(v1.steps.find((s) => s.stepId === "menu")).toMatchObject({ reached: 6 });
  });

  it("nothing is counted when the transaction rolls back", async () => {
    const before = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period);
    const user = telegramUser("Hal");
    await expect(
      w.db.transaction(async (tx) => {
        await receiveFromUser(
          tx,
          bot,
          {
            chatId: user.id,
            from: user,
            event: { type: "start" },
            text: "/start",
            telegramMessageId: 1,
            payload: {},
          },
          ENV,
        );
        throw new Error("crash after the run");
      }),
    ).rejects.toThrow("crash after the run");
    expect(await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period)).toEqual(before);
  });

  it("another workspace's flow is not found", async () => {
    await expect(
      stepAnalyticsOfFlow(w.db, "00000000-0000-4000-8000-000000000000", flowId, period),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

/**
 * welcome → menu (A → a; no answer within an hour → nudge) ; a (Back → menu) ; nudge → menu.
 * Two loops back to the menu: through a's Back button and through the nudge.
 */
const loopFlow = () =>
  flowDoc(
    [
      textStep("welcome", "Hi"),
      buttonsStep("menu", "Pick", [goto("a", "A")], { timeout: { amount: 1, unit: "hours" } }),
      buttonsStep("a", "You chose A", [goto("back", "Back")]),
      textStep("nudge", "Still there?"),
    ],
    [
      ["welcome", "next", "menu"],
      ["menu", "button:a", "a"],
      ["menu", "timeout", "nudge"],
      ["a", "button:back", "menu"],
      ["nudge", "next", "menu"],
    ],
  );

const figuresByStep = async (flowId: string, query: { version?: number } = {}) => {
  const figures = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, { ...period, ...query });
  return Object.fromEntries(figures.steps.map((s) => [s.stepId, s]));
};
const countOf = (step: { outputs: { output: string; count: number }[] } | undefined, output: string) =>
  step?.outputs.find((o) => o.output === output)?.count;

describe("step counts: each conversation once a day, however often it loops back", () => {
  let bot: TestBot;
  let flowId: string;
  const ann = telegramUser("Ann");
  beforeAll(async () => {
    ({ flowId } = await w.publish(loopFlow()));
    bot = await w.addBot({ flowId });
    // Ann goes round menu → a → menu three times and ends at a; Bo stops at the menu.
    await w.say(bot, ann);
    for (let i = 0; i < 3; i++) {
      await press(bot, ann, "menu:a");
      if (i < 2) await press(bot, ann, "a:back");
    }
    await w.say(bot, telegramUser("Bo"));
  });

  it("reached, went on and each output count the conversation once", async () => {
    const byStep = await figuresByStep(flowId);
    expect(byStep.welcome).toMatchObject({ reached: 2, wentOn: 2, stopped: 0 });
    expect(byStep.menu).toMatchObject({ reached: 2, wentOn: 1, stopped: 1, stopShare: 0.5 });
    expect(byStep.menu!.outputs).toEqual([
      { output: "button:a", targetStepId: "a", count: 1, share: 0.5 },
      { output: "timeout", targetStepId: "nudge", count: 0, share: 0 },
    ]);
    // Ann waits at a now, yet went on from it today: she is counted as having gone on.
    expect(byStep.a).toMatchObject({ reached: 1, wentOn: 1, stopped: 0 });
    expect(countOf(byStep.a, "button:back")).toBe(1);
  });

  it("the conversation's row keeps what it counts in today; a new day counts it again", async () => {
    const row = await w.conversationOf(bot.id, ann.id);
    expect(row.countedToday).toMatchObject({ day: today });
    // As if her last message had been yesterday: the day on her row is not today's.
    await w.db
      .update(conversations)
      .set({ countedToday: sql`jsonb_set(${conversations.countedToday}, '{day}', '"2000-01-01"')` })
      .where(eq(conversations.id, row.id));
    await press(bot, ann, "a:back");
    await press(bot, ann, "menu:a");
    const byStep = await figuresByStep(flowId);
    expect(byStep.menu).toMatchObject({ reached: 3, wentOn: 2 });
    expect(countOf(byStep.menu, "button:a")).toBe(2);
    expect(byStep.a).toMatchObject({ reached: 2, wentOn: 2 });
    expect((await w.conversationOf(bot.id, ann.id)).countedToday).toMatchObject({ day: today });
  });

  it("a new version counts the conversation in that version, though it counted in the old one today", async () => {
    await w.publish(loopFlow(), flowId);
    await press(bot, ann, "a:back");
    await press(bot, ann, "menu:a");
    await press(bot, ann, "a:back");
    const v2 = await figuresByStep(flowId);
    expect(v2.menu).toMatchObject({ reached: 1, wentOn: 1 });
    expect(countOf(v2.a, "button:back")).toBe(1);
    expect((await figuresByStep(flowId, { version: 1 })).menu).toMatchObject({ reached: 3 });
  });

  it("a timer moving the conversation (the API's dispatch, counted in its transaction) counts it once too", async () => {
    const { flowId } = await w.publish(loopFlow());
    const bot = await w.addBot({ flowId });
    const cy = telegramUser("Cy");
    await w.say(bot, cy);
    const conversation = await w.conversationOf(bot.id, cy.id);
    // No answer, twice: menu → nudge → menu, and again.
    for (let i = 0; i < 2; i++) {
      const [timer] = await w.db
        .select()
        .from(timers)
        .where(
          and(eq(timers.conversationId, conversation.id), isNull(timers.firedAt), isNull(timers.cancelledAt)),
        );
      expect(await fireTimer(w.db, timer!, ENV)).toBe("fired");
    }
    expect(await w.outTexts(conversation.id)).toEqual([
      "Hi",
      "Pick",
      "Still there?",
      "Pick",
      "Still there?",
      "Pick",
    ]);
    const byStep = await figuresByStep(flowId);
    expect(byStep.menu).toMatchObject({ reached: 1, wentOn: 1, stopped: 0 });
    expect(countOf(byStep.menu, "timeout")).toBe(1);
    expect(byStep.nudge).toMatchObject({ reached: 1, wentOn: 1 });
  });
});

describe("step counts: batched after the commit (the runtime's way)", () => {
  it("a sendNow caller gets the counts instead of the transaction; the buffer sums them into one write", async () => {
    const { flowId } = await w.publish(leadFlow());
    const bot = await w.addBot({ flowId });
    const buffer = new StepCountBuffer();
    const users = new Map<string, TelegramUserInfo>();
    const say = async (name: string) => {
      const user = users.get(name) ?? telegramUser(name);
      users.set(name, user);
      const sendNow: SendNow = { claimed: [], events: [], stepCounts: [] };
      await w.db.transaction((tx) =>
        receiveFromUser(
          tx,
          bot,
          {
            chatId: user.id,
            from: user,
            event: { type: "start" },
            text: "/start",
            telegramMessageId: 1,
            payload: {},
          },
          ENV,
          { sendNow },
        ),
      );
      return sendNow.stepCounts!;
    };
    const pending = [...(await say("Ivy")), ...(await say("Jon"))];
    expect(pending).toHaveLength(2);
    // Ivy starts over: the same counters, which she already counts in today.
    const again = await say("Ivy");
    expect(again.map((p) => p.tally.entries())).toEqual([[]]);
    pending.push(...again);
    // Nothing was written in the transactions.
    expect(await w.db.select().from(stepCounts).where(eq(stepCounts.botId, bot.id))).toEqual([]);

    buffer.add(pending);
    // welcome reached, its next taken, menu reached: per shard (two chats may share one).
    expect(buffer.size).toBeGreaterThanOrEqual(3);
    await buffer.flush(w.db);
    expect(buffer.size).toBe(0);
    const figures = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period);
    const byStep = Object.fromEntries(figures.steps.map((s) => [s.stepId, s]));
    expect(byStep.welcome).toMatchObject({ reached: 2, wentOn: 2 });
    expect(byStep.menu).toMatchObject({ reached: 2, stopped: 2 });

    // A failed write keeps the counts for the next flush, added to what came meanwhile.
    buffer.add(await say("Kim"));
    const failing = {
      insert: () => {
        throw new Error("database is down");
      },
    } as unknown as typeof w.db;
    await expect(buffer.flush(failing)).rejects.toThrow("database is down");
    buffer.add(await say("Lou"));
    await buffer.flush(w.db);
    const after = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period);
    expect(after.steps.find((s) => s.stepId === "menu")).toMatchObject({ reached: 4 });
  });
});

describe("step counts: random split branches side by side", () => {
  it("counts and shares per branch, next to the intended shares", async () => {
    const { flowId } = await w.publish(
      flowDoc(
        [
          randomSplitStep("r", [
            { id: "a", label: "Short", weight: 1 },
            { id: "b", label: "Long", weight: 3 },
          ]),
          textStep("ta", "Offer A"),
          textStep("tb", "Offer B"),
        ],
        [
          ["r", "branch:a", "ta"],
          ["r", "branch:b", "tb"],
        ],
      ),
    );
    const bot = await w.addBot({ flowId });
    for (const r of [0.1, 0.2, 0.5, 0.6, 0.9]) {
      const from = telegramUser("Split");
      await w.db.transaction((tx) =>
        receiveFromUser(
          tx,
          bot,
          {
            chatId: from.id,
            from,
            event: { type: "start" },
            text: "/start",
            telegramMessageId: 1,
            payload: {},
          },
          { ...ENV, random: () => r },
        ),
      );
    }
    const figures = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period);
    expect(figures.splits).toEqual([
      {
        stepId: "r",
        total: 5,
        branches: [
          { branchId: "a", label: "Short", intendedPercent: 25, count: 2, share: 0.4 },
          { branchId: "b", label: "Long", intendedPercent: 75, count: 3, share: 0.6 },
        ],
      },
    ]);
  });
});

describe("step counts: finished days fold their shards", () => {
  it("moves a past day's shards into one row, keeps the sums, leaves today alone", async () => {
    const { flowId, versionId } = await w.publish(flowDoc([textStep("only", "Hi")]));
    const bot = await w.addBot({ flowId });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const row = (day: string, shard: number, count: number) => ({
      flowVersionId: versionId,
      botId: bot.id,
      day,
      stepId: "only",
      output: "",
      shard,
      count,
    });
    await w.db
      .insert(stepCounts)
      .values([
        row(yesterday, 0, 1),
        row(yesterday, 3, 2),
        row(yesterday, 7, 4),
        row(today, 5, 8),
        row(today, 6, 16),
      ]);
    const period = { from: yesterday, to: today };
    const before = await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period);

    expect(await foldStepCountShards(w.db)).toBeGreaterThanOrEqual(2);
    const rows = await w.db
      .select({ day: stepCounts.day, shard: stepCounts.shard, count: stepCounts.count })
      .from(stepCounts)
      .where(and(eq(stepCounts.botId, bot.id), eq(stepCounts.stepId, "only")))
      .orderBy(stepCounts.day, stepCounts.shard);
    expect(rows).toEqual([
      { day: yesterday, shard: 0, count: 7 },
      { day: today, shard: 5, count: 8 },
      { day: today, shard: 6, count: 16 },
    ]);
    expect(await stepAnalyticsOfFlow(w.db, w.workspaceId, flowId, period)).toEqual(before);
    expect(before.steps[0]!.reached).toBe(31);
  });
});
