import { botLogs, conversations, flows, flowVersions, timers } from "@switchboard/db";
import { compileDraft } from "@switchboard/flow";
import { delayStep, flowDoc, freeInputStep, goToFlowStep, textStep } from "@switchboard/flow/testing";
import type { SandboxUser } from "@switchboard/telegram-sandbox";
import { and, eq, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, eventually, type Harness, makeUser } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const botTexts = async (token: string, chatId: number) =>
  (await h.client.getMessages({ token, chatId })).filter((m) => m.from_bot).map((m) => m.text ?? "");

async function expectBotSaid(token: string, user: SandboxUser, texts: string[], timeoutMs = 15_000) {
  await eventually(
    async () => {
      const all = await botTexts(token, user.id);
      return JSON.stringify(all.slice(-texts.length)) === JSON.stringify(texts) ? all : undefined;
    },
    timeoutMs,
    `the bot to say ${JSON.stringify(texts)}`,
    async () => JSON.stringify(await botTexts(token, user.id)),
  );
}

async function conversationOf(botId: string, chatId: number) {
  const [row] = await h.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.botId, botId), eq(conversations.chatId, chatId)));
  return row!;
}

/** A flow that exists as a draft only (no live version yet). */
async function draftFlow(name: string) {
  const [flow] = await h.db
    .insert(flows)
    .values({ workspaceId: h.workspaceId, name, draft: flowDoc([]) })
    .returning();
  return flow!.id;
}

/** Publishes the next version of an existing flow, as the API's publish does. */
async function publishVersion(flowId: string, doc: ReturnType<typeof flowDoc>) {
  const compiled = compileDraft(doc);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const [{ current } = { current: 0 }] = await h.db
    .select({ current: max(flowVersions.version) })
    .from(flowVersions)
    .where(eq(flowVersions.flowId, flowId));
  const [v] = await h.db
    .insert(flowVersions)
    .values({
      flowId,
      workspaceId: h.workspaceId,
      version: (current ?? 0) + 1,
      compiled: compiled.flow,
      source: doc,
    })
    .returning();
  await h.db.update(flows).set({ publishedVersionId: v!.id, draft: doc }).where(eq(flows.id, flowId));
}

const goToFlowErrors = (botId: string) =>
  h.db
    .select()
    .from(botLogs)
    .where(and(eq(botLogs.botId, botId), eq(botLogs.method, "go_to_flow")));

describe("delay", () => {
  it("fires after a runtime restart; messages meanwhile (even an alias) don't move the flow", async () => {
    const flowId = await h.publish(
      flowDoc(
        [
          textStep("a", "Wait for it"),
          delayStep("d", { amount: 3, unit: "seconds" }),
          textStep("t", "Time's up"),
          textStep("help", "Help here", { aliases: ["help"] }),
        ],
        [
          ["a", "next", "d"],
          ["d", "next", "t"],
        ],
      ),
    );
    const bot = await h.addBot({ flowId });
    const first = await h.startRuntime();
    const user = makeUser("Patient");
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["Wait for it"]);
    const conversation = await conversationOf(bot.id, user.id);
    const [timer] = await h.db.select().from(timers).where(eq(timers.conversationId, conversation.id));
    expect(timer!.fireAt.getTime() - timer!.createdAt.getTime()).toBeGreaterThanOrEqual(2_900);
    await h.client.sendText({ token: bot.token, from: user, text: "help" });
    await eventually(
      async () => (await conversationOf(bot.id, user.id)).lastMessageAt! > conversation.lastMessageAt!,
      10_000,
      "the alias to be received",
    );
    await first.stop();
    // The delay falls due while no runtime runs.
    await new Promise((r) => setTimeout(r, 3_500));
    expect(await botTexts(bot.token, user.id)).toEqual(["Wait for it"]);
    await h.startRuntime();
    await expectBotSaid(bot.token, user, ["Wait for it", "Time's up"]);
    const [fired] = await h.db.select().from(timers).where(eq(timers.id, timer!.id));
    expect(fired!.firedAt).not.toBeNull();
    await h.stopRuntimes();
  });
});

describe("go to flow", () => {
  it("continues in a flow published after the source flow, stays there, and /start goes back", async () => {
    const target = await draftFlow("Sales");
    const source = await h.publish(
      flowDoc([textStep("a", "In A"), goToFlowStep("g", target, "b2")], [["a", "next", "g"]]),
    );
    const bot = await h.addBot({ flowId: source });
    await h.startRuntime();
    const user = makeUser("Jumper");

    // The target has no live version yet: the conversation ends at the Go to flow step, logged.
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["In A"]);
    await eventually(async () => (await goToFlowErrors(bot.id)).length === 1, 10_000, "the error log");
    expect((await goToFlowErrors(bot.id))[0]!.message).toMatch(/not published/);
    expect((await conversationOf(bot.id, user.id)).flowId).toBeNull();

    // Published later: picked up at run time, at the chosen step.
    await publishVersion(
      target,
      flowDoc(
        [
          textStep("b1", "B start"),
          textStep("b2", "In B"),
          freeInputStep("name", "Your name?", "name"),
          textStep("thanks", "Thanks {{vars.name}}"),
        ],
        [
          ["b1", "next", "b2"],
          ["b2", "next", "name"],
          ["name", "next", "thanks"],
        ],
      ),
    );
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["In A", "In B", "Your name?"]);
    const inB = await conversationOf(bot.id, user.id);
    expect(inB.flowId).toBe(target);
    expect(inB.currentStepId).toBe("name");

    // The next message is answered by flow B.
    await h.client.sendText({ token: bot.token, from: user, text: "Ann" });
    await expectBotSaid(bot.token, user, ["Thanks Ann"]);

    // /start begins the bot's entry flow again.
    await h.client.start({ token: bot.token, from: user });
    await expectBotSaid(bot.token, user, ["In A", "In B", "Your name?"]);

    // The target is unpublished while the conversation waits in it: the next message starts the entry
    // flow afresh, whose Go to flow now fails (logged).
    await h.db.update(flows).set({ publishedVersionId: null }).where(eq(flows.id, target));
    await h.client.sendText({ token: bot.token, from: user, text: "Bob" });
    await expectBotSaid(bot.token, user, ["Your name?", "In A"]);
    await eventually(async () => (await goToFlowErrors(bot.id)).length === 2, 10_000, "the second error");
    expect((await conversationOf(bot.id, user.id)).flowId).toBeNull();
    await h.stopRuntimes();
  });

  it("stops flows that send each other back and forth without waiting, with a clear log", async () => {
    const ping = await draftFlow("Ping");
    const pong = await draftFlow("Pong");
    await publishVersion(
      ping,
      flowDoc([textStep("p", "ping"), goToFlowStep("g", pong)], [["p", "next", "g"]]),
    );
    await publishVersion(
      pong,
      flowDoc([textStep("q", "pong"), goToFlowStep("g", ping)], [["q", "next", "g"]]),
    );
    const bot = await h.addBot({ flowId: ping });
    await h.startRuntime();
    const user = makeUser("Looper");
    await h.client.start({ token: bot.token, from: user });
    // The first run plus 10 switches: ping, pong, ping, … (11 messages), then the cap.
    const expected = Array.from({ length: 11 }, (_, i) => (i % 2 === 0 ? "ping" : "pong"));
    await expectBotSaid(bot.token, user, expected);
    await eventually(async () => (await goToFlowErrors(bot.id)).length === 1, 10_000, "the error log");
    expect((await goToFlowErrors(bot.id))[0]!.message).toMatch(/more than 10 times/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await botTexts(bot.token, user.id)).toHaveLength(11);
    await h.stopRuntimes();
  });
});
