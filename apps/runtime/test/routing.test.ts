import { randomUUID } from "node:crypto";
import { closeConversation, drainQueue, joinOperatorPool, presenceHeartbeat } from "@switchboard/core";
import {
  bots,
  conversationAssignments,
  conversations,
  createDb,
  memberships,
  operatorQueue,
  timers,
  user,
} from "@switchboard/db";
import { flowDoc, routeStep, textStep } from "@switchboard/flow/testing";
import type { SandboxUser } from "@switchboard/telegram-sandbox";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_BASE_URL, createHarness, eventually, type Harness, makeUser } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const core = { adminBaseUrl: ADMIN_BASE_URL };

const operatorFlow = () =>
  flowDoc(
    [
      textStep("hi", "Hi"),
      routeStep("r", "Connecting you…"),
      textStep("none", "Nobody's here"),
      textStep("back", "Back"),
    ],
    [
      ["hi", "next", "r"],
      ["r", "no_operator", "none"],
      ["r", "returned", "back"],
    ],
  );

/** A member of the test workspace with the operator role, in the bot's pool (offline until a heartbeat). */
async function poolOperator(botId: string, name: string) {
  const userId = randomUUID();
  await h.db.insert(user).values({ id: userId, name, email: `${userId}@example.test` });
  await h.db.insert(memberships).values({ workspaceId: h.workspaceId, userId, role: "operator" });
  const actor = { workspaceId: h.workspaceId, userId, role: "operator" as const };
  await joinOperatorPool(h.db, actor, botId);
  return actor;
}

/** The same, online (a browser of theirs just said so). */
async function onlineOperator(botId: string, name: string) {
  const actor = await poolOperator(botId, name);
  await presenceHeartbeat(h.db, actor);
  return actor;
}

async function botWithOperatorSettings(operator: Record<string, unknown>) {
  const flowId = await h.publish(operatorFlow());
  const bot = await h.addBot({ flowId });
  await h.db.update(bots).set({ settings: { operator } }).where(eq(bots.id, bot.id));
  return bot;
}

const openAssignments = (botId: string) =>
  h.db
    .select({
      conversationId: conversationAssignments.conversationId,
      userId: conversationAssignments.operatorUserId,
    })
    .from(conversationAssignments)
    .innerJoin(conversations, eq(conversations.id, conversationAssignments.conversationId))
    .where(and(eq(conversations.botId, botId), isNull(conversationAssignments.endedAt)));

/** Users start the bot one after another, so their waiting order is their order here. */
async function startWaiting(token: string, count: number, prefix: string) {
  const users: SandboxUser[] = [];
  for (let i = 0; i < count; i++) {
    const u = makeUser(`${prefix}${i}`);
    users.push(u);
    await h.client.start({ token, from: u });
  }
  return users;
}

async function conversationOf(botId: string, chatId: number) {
  const [row] = await h.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.botId, botId), eq(conversations.chatId, chatId)));
  return row!;
}

describe("routing with capacity", () => {
  const waitingByAge = async (botId: string) =>
    (
      await h.db
        .select({ conversationId: operatorQueue.conversationId })
        .from(operatorQueue)
        .where(eq(operatorQueue.botId, botId))
        // The plan's own order: by waiting time at the millisecond (a JS Date's precision), then id.
        .orderBy(
          sql`date_trunc('milliseconds', ${operatorQueue.waitingSince})`,
          asc(operatorQueue.conversationId),
        )
    ).map((r) => r.conversationId);

  it("50 waiting, 3 operators with a maximum of 2: each gets exactly 2 of the oldest; closing one drains the next oldest", async () => {
    const bot = await botWithOperatorSettings({ maxParallelChats: 2, maxWaitMinutes: 0 });
    const operators = [];
    for (const name of ["Ann", "Bob", "Cid"]) operators.push(await poolOperator(bot.id, name));
    await h.startRuntime();
    // Nobody online yet: everyone waits.
    await startWaiting(bot.token, 50, "W");
    await eventually(
      async () => (await waitingByAge(bot.id)).length === 50,
      30_000,
      "50 waiting conversations",
    );
    // Chats are processed in parallel, so the waiting order is the queue's own, not the order of the starts.
    const byAge = await waitingByAge(bot.id);
    for (const actor of operators) await presenceHeartbeat(h.db, actor);

    const assigned = await eventually(
      async () => {
        const rows = await openAssignments(bot.id);
        return rows.length === 6 ? rows : undefined;
      },
      20_000,
      "six assignments",
    );
    const per = new Map<string, number>();
    for (const a of assigned) per.set(a.userId, (per.get(a.userId) ?? 0) + 1);
    expect([...per.values()].sort()).toEqual([2, 2, 2]);
    expect(new Set(assigned.map((a) => a.conversationId))).toEqual(new Set(byAge.slice(0, 6)));
    expect(await waitingByAge(bot.id)).toEqual(byAge.slice(6));
    // Nobody goes over the maximum a moment later either.
    await new Promise((r) => setTimeout(r, 500));
    expect(await openAssignments(bot.id)).toHaveLength(6);

    // Ann closes one: the next oldest (the seventh) goes to her, and its user hears she connected.
    const ann = operators[0]!;
    const annFirst = assigned.find((a) => a.userId === ann.userId)!;
    await closeConversation(h.db, ann, annFirst.conversationId, core);
    const seventh = byAge[6]!;
    await eventually(
      async () =>
        (await openAssignments(bot.id)).some((r) => r.conversationId === seventh && r.userId === ann.userId),
      20_000,
      "the seventh conversation to reach Ann",
      async () =>
        JSON.stringify({
          open: await openAssignments(bot.id),
          waiting: (await waitingByAge(bot.id)).slice(0, 3),
          seventh,
        }),
    );
    expect(await openAssignments(bot.id)).toHaveLength(6);
    const [row] = await h.db.select().from(conversations).where(eq(conversations.id, seventh));
    const said = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: row!.chatId,
      count: 4,
      timeoutMs: 15_000,
    });
    expect(said.at(-2)!.text).toBe("Connected to chat. Please start messaging!");
  });

  it("drains racing from two processes never give a conversation twice or anyone more than the maximum", async () => {
    const bot = await botWithOperatorSettings({ maxParallelChats: 3, maxWaitMinutes: 0 });
    // In the pool but offline: the conversations wait, and only the drains below hand them out.
    const ids = [(await poolOperator(bot.id, "Dee")).userId, (await poolOperator(bot.id, "Eve")).userId];
    await h.startRuntime();
    await startWaiting(bot.token, 20, "R");
    await eventually(
      async () => (await waitingByAge(bot.id)).length === 20,
      30_000,
      "20 waiting conversations",
    );
    // No runtime's drain joins in: only the four below race.
    await h.stopRuntimes();
    // Online without a heartbeat (so no NOTIFY): the runtimes' own drains join in only at their sweep.
    await h.db.execute(
      sql`insert into operator_presence (workspace_id, user_id, status) select ${h.workspaceId}, id, 'online' from "user" where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    const other = createDb(h.url, { max: 4 });
    try {
      const results = await Promise.all([
        drainQueue(h.db, h.workspaceId, core),
        drainQueue(other.db, h.workspaceId, core),
        drainQueue(h.db, h.workspaceId, core),
        drainQueue(other.db, h.workspaceId, core),
      ]);
      for (const r of results) expect(r.failed).toEqual([]);
      expect(results.reduce((n, r) => n + r.assigned.length, 0)).toBe(6);
    } finally {
      await other.close();
    }
    const rows = await openAssignments(bot.id);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.conversationId)).size).toBe(6);
    for (const id of ids) expect(rows.filter((r) => r.userId === id)).toHaveLength(3);
  });
});

describe("operator timers survive a restart", () => {
  it("the maximum waiting time passes while the runtime is down: after the restart, the text and no_operator", async () => {
    const bot = await botWithOperatorSettings({ maxWaitMinutes: 30 });
    await joinOperatorPool(h.db, { workspaceId: h.workspaceId, userId: h.userId, role: "owner" }, bot.id);
    const rt = await h.startRuntime();
    const [u] = await startWaiting(bot.token, 1, "T");
    await h.client.waitForBotMessages({ token: bot.token, chatId: u!.id, count: 2 });
    const conversation = await conversationOf(bot.id, u!.id);
    await rt.stop();
    await h.db.execute(
      sql`update timers set fire_at = now() where conversation_id = ${conversation.id} and fired_at is null`,
    );
    await h.startRuntime();
    const texts = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: u!.id,
      count: 4,
      timeoutMs: 15_000,
    });
    expect(texts.map((m) => m.text).slice(2)).toEqual([
      "Thank you for contacting us. We will contact you as soon as possible.",
      "Nobody's here",
    ]);
    expect(
      await h.db.select().from(operatorQueue).where(eq(operatorQueue.conversationId, conversation.id)),
    ).toEqual([]);
  });

  it("the dialog close time of silence passes while the runtime is down: after the restart, completed and closed", async () => {
    const bot = await botWithOperatorSettings({ maxWaitMinutes: 0, closeAfterMinutes: 15 });
    const rt = await h.startRuntime();
    await onlineOperator(bot.id, "Fay");
    const [u] = await startWaiting(bot.token, 1, "S");
    // Routed to Fay: the connected texts arrive.
    await h.client.waitForBotMessages({ token: bot.token, chatId: u!.id, count: 4, timeoutMs: 15_000 });
    const conversation = await conversationOf(bot.id, u!.id);
    const [idle] = await h.db
      .select()
      .from(timers)
      .where(eq(timers.key, `idle:${conversation.id}`));
    expect(idle!.fireAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    await rt.stop();
    await h.db.execute(sql`update timers set fire_at = now() where key = ${`idle:${conversation.id}`}`);
    await h.startRuntime();
    const texts = await h.client.waitForBotMessages({
      token: bot.token,
      chatId: u!.id,
      count: 5,
      timeoutMs: 15_000,
    });
    expect(texts.at(-1)!.text).toBe("Consultation completed");
    expect((await conversationOf(bot.id, u!.id)).status).toBe("closed");
    expect(await openAssignments(bot.id)).toEqual([]);
  });
});
