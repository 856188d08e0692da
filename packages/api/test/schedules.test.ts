import { fanOutScheduleRun } from "@switchboard/core";
import { timers } from "@switchboard/db";
import { flowDoc, scheduleStep, textStep } from "@switchboard/flow/testing";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("schedules");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

/** Hi, then wait for a one-off send on `startAt` (local time of the workspace), then "after". */
const newsFlow = (startAt: string) =>
  flowDoc(
    [textStep("hi", "Hi!"), scheduleStep("news", "Our news!", { startAt }), textStep("after", "See you.")],
    [
      ["hi", "next", "news"],
      ["news", "next", "after"],
    ],
  );

const utc = (iso: string) => new Date(`${iso}:00.000Z`);

describe("schedules follow the bot, its flow and the workspace's time zone", () => {
  let bot: Awaited<ReturnType<World["publishedBot"]>>;
  const next = async () => (await owner.api.flows.scheduleRuns({ id: bot.flowId }))[0]?.nextRunAt ?? null;

  it("pointing a bot at a flow schedules its Schedule steps (flows.scheduleRuns)", async () => {
    bot = await w.publishedBot(owner, newsFlow("2030-06-03T09:00"), "News");
    expect(await owner.api.flows.scheduleRuns({ id: bot.flowId })).toEqual([
      {
        botId: bot.botId,
        botUsername: bot.username,
        stepId: "news",
        lastRunAt: null,
        lastRunReached: null,
        nextRunAt: utc("2030-06-03T09:00"),
      },
    ]);
  });

  it("a time-zone change redoes the runs in the new zone", async () => {
    await owner.api.workspace.updateSettings({ timeZone: "Europe/Berlin" });
    expect(await next()).toEqual(utc("2030-06-03T07:00")); // 09:00 in Berlin is 07:00 UTC in June
    await owner.api.workspace.updateSettings({ timeZone: "UTC" });
    expect(await next()).toEqual(utc("2030-06-03T09:00"));
  });

  it("disabling the bot cancels its runs; enabling it brings them back", async () => {
    await owner.api.bots.update({ id: bot.botId, enabled: false });
    expect(await next()).toBeNull();
    await owner.api.bots.update({ id: bot.botId, enabled: true });
    expect(await next()).toEqual(utc("2030-06-03T09:00"));
  });

  it("publishing a changed step and rolling back redo the runs", async () => {
    await owner.api.flows.saveDraft({ id: bot.flowId, draft: newsFlow("2030-07-01T10:30") });
    expect(await owner.api.flows.publish({ id: bot.flowId })).toMatchObject({ ok: true, version: 2 });
    expect(await next()).toEqual(utc("2030-07-01T10:30"));
    await owner.api.flows.rollback({ id: bot.flowId, version: 1 });
    expect(await next()).toEqual(utc("2030-06-03T09:00"));
    const pending = await w.db
      .select()
      .from(timers)
      .where(and(eq(timers.botId, bot.botId), isNull(timers.firedAt), isNull(timers.cancelledAt)));
    expect(pending).toHaveLength(1);
  });

  it("a run's reach shows as the last run", async () => {
    const { conversation } = await w.userSays(bot, { id: 777, first_name: "Sub" });
    expect(conversation.currentStepId).toBe("news");
    const [timer] = await w.db
      .select()
      .from(timers)
      .where(and(eq(timers.botId, bot.botId), isNull(timers.firedAt), isNull(timers.cancelledAt)));
    expect(await fanOutScheduleRun(w.db, timer!)).toBe("fired");
    expect(await owner.api.flows.scheduleRuns({ id: bot.flowId })).toEqual([
      expect.objectContaining({
        stepId: "news",
        lastRunAt: utc("2030-06-03T09:00"),
        lastRunReached: 1,
        nextRunAt: null, // a one-off
      }),
    ]);
  });

  it("a bot that no longer runs the flow is not listed", async () => {
    await owner.api.bots.update({ id: bot.botId, entryFlowId: null });
    expect(await owner.api.flows.scheduleRuns({ id: bot.flowId })).toEqual([]);
  });

  it("scheduleRuns of another workspace's flow is NOT_FOUND", async () => {
    const other = await w.member("owner");
    await expectTrpcError(other.api.flows.scheduleRuns({ id: bot.flowId }), "NOT_FOUND", "Flow not found.");
  });
});
