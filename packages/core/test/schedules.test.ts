import { bots, conversations, type TimerRow, timers, workspaces } from "@switchboard/db";
import { flowDoc, scheduleStep, textStep } from "@switchboard/flow/testing";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fireTimer } from "../src/timers/fire";
import { fanOutScheduleRun, scheduleRunsOfFlow, syncBotSchedules } from "../src/timers/schedules";
import { createWorld, ENV, type TestBot, telegramUser, type World } from "./fixtures";

let w: World;
beforeAll(async () => {
  w = await createWorld("core_schedules");
});
afterAll(async () => {
  await w?.close();
});

const DAILY = { startAt: "2030-01-01T09:00", repeat: { kind: "interval", every: 1, unit: "days" } };

/** Hi → Schedule "tip" → After: reaching "tip" subscribes the conversation. */
const scheduleFlow = (config: Record<string, unknown> = DAILY, withTip = true) =>
  withTip
    ? flowDoc(
        [
          textStep("hi", "Subscribed"),
          scheduleStep("tip", "Tip of the day", config),
          textStep("after", "See you"),
        ],
        [
          ["hi", "next", "tip"],
          ["tip", "next", "after"],
        ],
      )
    : flowDoc([textStep("hi", "Subscribed"), textStep("after", "See you")], [["hi", "next", "after"]]);

async function scheduledBot(config: Record<string, unknown> = DAILY) {
  const { flowId } = await w.publish(scheduleFlow(config));
  const bot = await w.addBot({ flowId });
  return { bot, flowId };
}

const scheduleTimers = (botId: string) =>
  w.db
    .select()
    .from(timers)
    .where(and(eq(timers.botId, botId), eq(timers.kind, "schedule")))
    .orderBy(asc(timers.createdAt));

const pendingRuns = async (botId: string) =>
  (await scheduleTimers(botId)).filter((t) => t.firedAt === null && t.cancelledAt === null);

const pendingTimes = async (botId: string) => (await pendingRuns(botId)).map((t) => t.fireAt.toISOString());

async function setTimeZone(timeZone: string) {
  await w.db.update(workspaces).set({ timeZone }).where(eq(workspaces.id, w.workspaceId));
}

describe("syncBotSchedules", () => {
  it("schedules one run per Schedule step, at its start in the workspace's time zone", async () => {
    const { bot } = await scheduledBot();
    await syncBotSchedules(w.db, bot.id);
    const [run, ...more] = await scheduleTimers(bot.id);
    expect(more).toEqual([]);
    expect(run).toMatchObject({
      kind: "schedule",
      stepId: "tip",
      botId: bot.id,
      workspaceId: w.workspaceId,
      conversationId: null,
      firedAt: null,
      cancelledAt: null,
    });
    expect(run!.fireAt.toISOString()).toBe("2030-01-01T09:00:00.000Z");
    expect(run!.payload).toMatchObject({ runAt: "2030-01-01T09:00:00.000Z" });
  });

  it("is idempotent: called twice, and twice concurrently from two pools, one pending run", async () => {
    const { bot } = await scheduledBot();
    await syncBotSchedules(w.db, bot.id);
    await syncBotSchedules(w.db, bot.id);
    const other = await w.newClient();
    await Promise.all([syncBotSchedules(w.db, bot.id), syncBotSchedules(other, bot.id)]);
    const all = await scheduleTimers(bot.id);
    expect(all).toHaveLength(1);
    expect(all[0]!.cancelledAt).toBeNull();
  });

  it("a bot without a flow, or an unknown bot, gets nothing", async () => {
    const bot = await w.addBot();
    await syncBotSchedules(w.db, bot.id);
    expect(await scheduleTimers(bot.id)).toEqual([]);
    await syncBotSchedules(w.db, "00000000-0000-4000-8000-0000000000aa");
  });

  it("cancels the pending run when a new version without the step is published", async () => {
    const { bot, flowId } = await scheduledBot();
    await syncBotSchedules(w.db, bot.id);
    await w.publish(scheduleFlow(DAILY, false), flowId);
    await syncBotSchedules(w.db, bot.id);
    const all = await scheduleTimers(bot.id);
    expect(all).toHaveLength(1);
    expect(all[0]!.cancelledAt).not.toBeNull();
    expect(await pendingRuns(bot.id)).toEqual([]);
  });

  it("a step added back in a later version gets its run again", async () => {
    const { bot, flowId } = await scheduledBot();
    await syncBotSchedules(w.db, bot.id);
    await w.publish(scheduleFlow(DAILY, false), flowId);
    await syncBotSchedules(w.db, bot.id);
    await w.publish(scheduleFlow(DAILY), flowId);
    await syncBotSchedules(w.db, bot.id);
    expect(await pendingTimes(bot.id)).toEqual(["2030-01-01T09:00:00.000Z"]);
  });

  it("cancels the pending run when the bot is disabled, and schedules it again when it is enabled", async () => {
    const { bot } = await scheduledBot();
    await syncBotSchedules(w.db, bot.id);
    await w.db.update(bots).set({ enabled: false }).where(eq(bots.id, bot.id));
    await syncBotSchedules(w.db, bot.id);
    expect(await pendingRuns(bot.id)).toEqual([]);
    expect((await scheduleTimers(bot.id))[0]!.cancelledAt).not.toBeNull();

    await w.db.update(bots).set({ enabled: true }).where(eq(bots.id, bot.id));
    await syncBotSchedules(w.db, bot.id);
    expect(await pendingTimes(bot.id)).toEqual(["2030-01-01T09:00:00.000Z"]);
  });

  it("recomputes the run when the workspace's time zone changes", async () => {
    const { bot } = await scheduledBot();
    try {
      await syncBotSchedules(w.db, bot.id);
      await setTimeZone("Europe/Kyiv"); // UTC+2 in January
      await syncBotSchedules(w.db, bot.id);
      expect(await pendingTimes(bot.id)).toEqual(["2030-01-01T07:00:00.000Z"]);
      const all = await scheduleTimers(bot.id);
      expect(all).toHaveLength(2);
      expect(all[0]!.cancelledAt).not.toBeNull();
    } finally {
      await setTimeZone("UTC");
    }
  });

  it("a time zone change that keeps the same instant still leaves one pending run", async () => {
    const { bot } = await scheduledBot();
    try {
      await syncBotSchedules(w.db, bot.id);
      await setTimeZone("Europe/London"); // UTC+0 in January: the same instant
      await syncBotSchedules(w.db, bot.id);
      expect(await pendingTimes(bot.id)).toEqual(["2030-01-01T09:00:00.000Z"]);
      // …computed for the new time zone, so the next sync keeps it.
      const signature = (await pendingRuns(bot.id))[0]!.payload.signature as string;
      expect(JSON.parse(signature)).toEqual(["2030-01-01T09:00", DAILY.repeat, "Europe/London"]);
      await syncBotSchedules(w.db, bot.id);
      expect(await scheduleTimers(bot.id)).toHaveLength(1);
      expect(await pendingTimes(bot.id)).toEqual(["2030-01-01T09:00:00.000Z"]);
    } finally {
      await setTimeZone("UTC");
    }
  });

  it("editing the repeat of a step keeps its (same) first run pending, with the new signature", async () => {
    const { bot, flowId } = await scheduledBot({ startAt: "2030-01-01T09:00", repeat: { kind: "once" } });
    await syncBotSchedules(w.db, bot.id);
    await w.publish(scheduleFlow(DAILY), flowId);
    await syncBotSchedules(w.db, bot.id);
    expect(await pendingTimes(bot.id)).toEqual(["2030-01-01T09:00:00.000Z"]);
  });

  it("editing the start moves the run", async () => {
    const { bot, flowId } = await scheduledBot();
    await syncBotSchedules(w.db, bot.id);
    await w.publish(scheduleFlow({ ...DAILY, startAt: "2030-02-01T18:30" }), flowId);
    await syncBotSchedules(w.db, bot.id);
    expect(await pendingTimes(bot.id)).toEqual(["2030-02-01T18:30:00.000Z"]);
  });

  it("a one-off run in the past is not scheduled", async () => {
    const { bot } = await scheduledBot({ startAt: "2020-01-01T09:00", repeat: { kind: "once" } });
    await syncBotSchedules(w.db, bot.id);
    expect(await scheduleTimers(bot.id)).toEqual([]);
  });

  it("a repeating schedule that started in the past gets its next run after now", async () => {
    const { bot } = await scheduledBot({ startAt: "2020-01-01T09:00", repeat: DAILY.repeat });
    const now = new Date("2026-05-05T10:00:00Z");
    await syncBotSchedules(w.db, bot.id, now);
    expect(await pendingTimes(bot.id)).toEqual(["2026-05-06T09:00:00.000Z"]);
  });
});

describe("fanOutScheduleRun", () => {
  /** A bot whose subscribers are A and B; the others must not be reached. */
  async function audience() {
    const { bot, flowId } = await scheduledBot();
    const chat = async (name: string, onBot: TestBot = bot) => {
      const user = telegramUser(name);
      await w.say(onBot, user);
      return w.conversationOf(onBot.id, user.id);
    };
    const a = await chat("A");
    const b = await chat("B");
    const withOperator = await chat("Op");
    const closed = await chat("Closed");
    const blocked = await chat("Blocked");
    const elsewhere = await chat("Elsewhere");
    const set = (id: string, values: Partial<typeof conversations.$inferInsert>) =>
      w.db.update(conversations).set(values).where(eq(conversations.id, id));
    await set(withOperator.id, { status: "operator" });
    await set(closed.id, { status: "closed" });
    await set(blocked.id, { status: "blocked" });
    await set(elsewhere.id, {
      currentStepId: "after",
      state: { ...(elsewhere.state as object), stepId: "after", waiting: false },
    });
    // Another bot running the same flow: its conversations wait at a step with the same id.
    const otherBot = await w.addBot({ flowId });
    const stranger = await chat("Stranger", otherBot);
    await syncBotSchedules(w.db, bot.id);
    await syncBotSchedules(w.db, otherBot.id);
    const [run] = await pendingRuns(bot.id);
    return { bot, flowId, run: run!, a, b, others: [withOperator, closed, blocked, elsewhere, stranger] };
  }

  const runTimersOf = (scheduleTimerId: string) =>
    w.db
      .select()
      .from(timers)
      .where(
        and(eq(timers.kind, "schedule_run"), sql`${timers.payload}->>'scheduleTimerId' = ${scheduleTimerId}`),
      );

  const makeDue = (id: string) => w.db.update(timers).set({ fireAt: sql`now()` }).where(eq(timers.id, id));

  it("every subscriber waiting at the step with the bot, once each, even when fanned out twice concurrently", async () => {
    const { bot, run, a, b, others } = await audience();
    expect((await w.conversation(a.id)).currentStepId).toBe("tip");
    await makeDue(run.id);
    const other = await w.newClient();
    const results = await Promise.all([fanOutScheduleRun(w.db, run), fanOutScheduleRun(other, run)]);
    expect(results.sort()).toEqual(["fired", "stale"]);

    const reached = await runTimersOf(run.id);
    expect(reached.map((t) => t.conversationId).sort()).toEqual([a.id, b.id].sort());
    for (const t of reached)
      expect(t).toMatchObject({
        botId: bot.id,
        stepId: "tip",
        firedAt: null,
        payload: { runAt: "2030-01-01T09:00:00.000Z", scheduleTimerId: run.id },
      });
    const [fired] = await w.db.select().from(timers).where(eq(timers.id, run.id));
    expect(fired!.firedAt).not.toBeNull();
    expect(fired!.payload).toMatchObject({ subscribers: 2 });

    // The next run counts from the run's own time (not from when it fired).
    expect(await pendingTimes(bot.id)).toEqual(["2030-01-02T09:00:00.000Z"]);

    // Each subscriber's run timer sends the step's text once and moves it on.
    for (const t of reached) expect(await fireTimer(w.db, t, ENV)).toBe("fired");
    for (const t of reached) expect(await fireTimer(w.db, t, ENV)).toBe("stale");
    for (const c of [a, b]) {
      expect(await w.outTexts(c.id)).toEqual(["Subscribed", "Tip of the day", "See you"]);
      expect((await w.conversation(c.id)).currentStepId).toBe("after");
    }
    for (const c of others) expect(await w.outTexts(c.id)).toEqual(["Subscribed"]);
  });

  it("through fireTimer (as the timer worker calls it), and a second fan-out of the same run adds nobody", async () => {
    const { run, a, b } = await audience();
    await makeDue(run.id);
    expect(await fireTimer(w.db, run, ENV)).toBe("fired");
    expect(await fireTimer(w.db, run, ENV)).toBe("stale");
    expect(await fanOutScheduleRun(w.db, run)).toBe("stale");
    expect((await runTimersOf(run.id)).map((t) => t.conversationId).sort()).toEqual([a.id, b.id].sort());
  });

  it("a run whose step was changed since it was scheduled is cancelled, not sent", async () => {
    const { bot, flowId, run } = await audience();
    await w.publish(scheduleFlow({ ...DAILY, startAt: "2030-03-01T09:00" }), flowId);
    await makeDue(run.id);
    expect(await fanOutScheduleRun(w.db, run)).toBe("stale");
    expect(await runTimersOf(run.id)).toEqual([]);
    const [row] = await w.db.select().from(timers).where(eq(timers.id, run.id));
    expect(row!.cancelledAt).not.toBeNull();
    expect(row!.firedAt).toBeNull();
    // The next sync schedules the changed step's run.
    await syncBotSchedules(w.db, bot.id);
    expect(await pendingTimes(bot.id)).toEqual(["2030-03-01T09:00:00.000Z"]);
  });

  it("a run of a bot disabled since it was scheduled is cancelled, not sent", async () => {
    const { bot, run } = await audience();
    await w.db.update(bots).set({ enabled: false }).where(eq(bots.id, bot.id));
    await makeDue(run.id);
    expect(await fanOutScheduleRun(w.db, run)).toBe("stale");
    expect(await runTimersOf(run.id)).toEqual([]);
    expect(await pendingRuns(bot.id)).toEqual([]);
  });

  it("a run that already happened is never scheduled again", async () => {
    const { bot } = await scheduledBot({ startAt: "2030-01-01T09:00", repeat: { kind: "once" } });
    await syncBotSchedules(w.db, bot.id);
    const [run] = await pendingRuns(bot.id);
    await makeDue(run!.id);
    expect(await fanOutScheduleRun(w.db, run!)).toBe("fired");
    // A sync that computes the same run (its clock before the run's time) finds it already happened.
    await syncBotSchedules(w.db, bot.id, new Date("2029-12-31T00:00:00Z"));
    expect(await pendingRuns(bot.id)).toEqual([]);
    const [row] = await scheduleTimers(bot.id);
    expect(row!.firedAt).not.toBeNull();
    expect(row!.cancelledAt).toBeNull();
  });

  it("a cancelled run is never fanned out", async () => {
    const { run } = await audience();
    await w.db.update(timers).set({ cancelledAt: sql`now()` }).where(eq(timers.id, run.id));
    expect(await fanOutScheduleRun(w.db, run)).toBe("stale");
    expect(await runTimersOf(run.id)).toEqual([]);
  });

  it("a one-off schedule schedules no next run", async () => {
    const { bot } = await scheduledBot({ startAt: "2030-01-01T09:00", repeat: { kind: "once" } });
    await syncBotSchedules(w.db, bot.id);
    const [run] = await pendingRuns(bot.id);
    await makeDue(run!.id);
    expect(await fanOutScheduleRun(w.db, run!)).toBe("fired");
    expect(await pendingRuns(bot.id)).toEqual([]);
  });
});

describe("scheduleRunsOfFlow", () => {
  it("reports, per bot running the flow, the last run, how many it reached and the next run", async () => {
    const { bot, flowId } = await scheduledBot();
    const { flowId: otherFlow } = await w.publish(scheduleFlow());
    const otherBot = await w.addBot({ flowId: otherFlow });
    await syncBotSchedules(w.db, otherBot.id);

    expect(await scheduleRunsOfFlow(w.db, w.workspaceId, flowId)).toEqual([]);
    await syncBotSchedules(w.db, bot.id);
    expect(await scheduleRunsOfFlow(w.db, w.workspaceId, flowId)).toEqual([
      {
        botId: bot.id,
        stepId: "tip",
        lastRunAt: null,
        lastRunReached: null,
        nextRunAt: new Date("2030-01-01T09:00:00.000Z"),
      },
    ]);

    for (const name of ["S1", "S2", "S3"]) await w.say(bot, telegramUser(name));
    const [run] = (await pendingRuns(bot.id)) as TimerRow[];
    const [due] = await w.db
      .update(timers)
      .set({ fireAt: sql`now()` })
      .where(eq(timers.id, run!.id))
      .returning();
    await fanOutScheduleRun(w.db, run!);
    expect(await scheduleRunsOfFlow(w.db, w.workspaceId, flowId)).toEqual([
      {
        botId: bot.id,
        stepId: "tip",
        lastRunAt: due!.fireAt,
        lastRunReached: 3,
        nextRunAt: new Date("2030-01-02T09:00:00.000Z"),
      },
    ]);
    // Another workspace sees nothing of it.
    expect(await scheduleRunsOfFlow(w.db, "00000000-0000-4000-8000-0000000000bb", flowId)).toEqual([]);
  });

  it("a run that reached nobody reports 0", async () => {
    const { bot, flowId } = await scheduledBot();
    await syncBotSchedules(w.db, bot.id);
    const [run] = await pendingRuns(bot.id);
    await w.db.update(timers).set({ fireAt: sql`now()` }).where(eq(timers.id, run!.id));
    await fanOutScheduleRun(w.db, run!);
    const [info] = await scheduleRunsOfFlow(w.db, w.workspaceId, flowId);
    expect(info!.lastRunReached).toBe(0);
    expect(
      await w.db
        .select()
        .from(timers)
        .where(and(eq(timers.botId, bot.id), isNull(timers.firedAt), eq(timers.kind, "schedule_run"))),
    ).toEqual([]);
  });
});
