import { describe, expect, it } from "vitest";
import { describeRepeat, nextScheduleRun, type ScheduleConfig } from "../../index";
import {
  compileOk,
  drive,
  expectProblemCase,
  flowDoc,
  scheduleStep,
  start,
  text,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";

describe("schedule: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);
});

describe("schedule: engine", () => {
  const flow = compileOk(
    flowDoc(
      [
        textStep("hi", "You're subscribed"),
        scheduleStep("s", "Daily tip for {{name}}"),
        textStep("after", "See you tomorrow"),
      ],
      [
        ["hi", "next", "s"],
        ["s", "next", "after"],
      ],
    ),
  );
  const fired = { type: "schedule_fired", stepId: "s", runAt: "2026-12-07T09:00:00.000Z" } as const;

  it("reaching the step subscribes silently", () => {
    const { last, state } = drive(flow, [start()]);
    expect(texts(last.actions)).toEqual(["You're subscribed"]);
    expect(state).toMatchObject({ stepId: "s", waiting: true });
  });

  it("a run sends the text to the subscriber and moves it on", () => {
    const { last, state } = drive(flow, [start(), fired]);
    expect(texts(last.actions)).toEqual(["Daily tip for Ann", "See you tomorrow"]);
    expect(state.stepId).toBe("after");
  });

  it("a run for a conversation that left the step is stale", () => {
    const { last } = drive(flow, [start(), fired, fired]);
    expect(last.actions).toEqual([]);
  });

  it("text while subscribed is not an answer", () => {
    const { last, state } = drive(flow, [start(), text("hello?")]);
    expect(last.actions).toEqual([]);
    expect(state.stepId).toBe("s");
  });
});

describe("schedule: next run", () => {
  const at = (iso: string) => new Date(iso);
  const cases: {
    what: string;
    config: Pick<ScheduleConfig, "startAt" | "repeat">;
    zone: string;
    after: string;
    next: string | null;
  }[] = [
    {
      what: "once, in the future",
      config: { startAt: "2026-12-07T09:00", repeat: { kind: "once" } },
      zone: "UTC",
      after: "2026-12-03T12:00:00Z",
      next: "2026-12-07T09:00:00.000Z",
    },
    {
      what: "once, already past",
      config: { startAt: "2026-12-01T09:00", repeat: { kind: "once" } },
      zone: "UTC",
      after: "2026-12-03T12:00:00Z",
      next: null,
    },
    {
      what: "once, exactly now is past",
      config: { startAt: "2026-12-03T12:00", repeat: { kind: "once" } },
      zone: "UTC",
      after: "2026-12-03T12:00:00Z",
      next: null,
    },
    {
      what: "local time in Kyiv",
      config: { startAt: "2026-12-07T09:00", repeat: { kind: "once" } },
      zone: "Europe/Kyiv",
      after: "2026-12-03T12:00:00Z",
      next: "2026-12-07T07:00:00.000Z",
    },
    {
      what: "every 15 minutes",
      config: { startAt: "2026-12-03T10:00", repeat: { kind: "interval", every: 15, unit: "minutes" } },
      zone: "UTC",
      after: "2026-12-03T12:07:00Z",
      next: "2026-12-03T12:15:00.000Z",
    },
    {
      what: "every 15 minutes, on a run",
      config: { startAt: "2026-12-03T10:00", repeat: { kind: "interval", every: 15, unit: "minutes" } },
      zone: "UTC",
      after: "2026-12-03T12:15:00Z",
      next: "2026-12-03T12:30:00.000Z",
    },
    {
      what: "every 2 hours before the start",
      config: { startAt: "2026-12-05T08:30", repeat: { kind: "interval", every: 2, unit: "hours" } },
      zone: "UTC",
      after: "2026-12-03T12:00:00Z",
      next: "2026-12-05T08:30:00.000Z",
    },
    {
      what: "every day at 09:00 across a DST change (Berlin, March)",
      config: { startAt: "2026-03-27T09:00", repeat: { kind: "interval", every: 1, unit: "days" } },
      zone: "Europe/Berlin",
      after: "2026-03-28T09:00:00Z",
      next: "2026-03-29T07:00:00.000Z",
    },
    {
      what: "every 3 days",
      config: { startAt: "2026-12-01T09:00", repeat: { kind: "interval", every: 3, unit: "days" } },
      zone: "UTC",
      after: "2026-12-03T12:00:00Z",
      next: "2026-12-04T09:00:00.000Z",
    },
    {
      what: "weekdays at 09:00 on a Thursday afternoon",
      config: {
        startAt: "2026-12-01T00:00",
        repeat: { kind: "weekly", days: [1, 2, 3, 4, 5], time: "09:00" },
      },
      zone: "UTC",
      after: "2026-12-03T12:00:00Z",
      next: "2026-12-04T09:00:00.000Z",
    },
    {
      what: "weekdays at 09:00 on a Friday afternoon: Monday",
      config: {
        startAt: "2026-12-01T00:00",
        repeat: { kind: "weekly", days: [1, 2, 3, 4, 5], time: "09:00" },
      },
      zone: "UTC",
      after: "2026-12-04T12:00:00Z",
      next: "2026-12-07T09:00:00.000Z",
    },
    {
      what: "weekly, not before the start date",
      config: { startAt: "2026-12-10T00:00", repeat: { kind: "weekly", days: [4], time: "18:30" } },
      zone: "UTC",
      after: "2026-12-03T12:00:00Z",
      next: "2026-12-10T18:30:00.000Z",
    },
    {
      what: "weekly in New York",
      config: { startAt: "2026-12-01T00:00", repeat: { kind: "weekly", days: [3], time: "08:00" } },
      zone: "America/New_York",
      after: "2026-12-03T12:00:00Z",
      next: "2026-12-09T13:00:00.000Z",
    },
    {
      what: "an invalid date",
      config: { startAt: "2026-13-01T09:00", repeat: { kind: "once" } },
      zone: "UTC",
      after: "2026-12-03T12:00:00Z",
      next: null,
    },
    {
      what: "an unknown time zone",
      config: { startAt: "2026-12-07T09:00", repeat: { kind: "once" } },
      zone: "Mars/Olympus",
      after: "2026-12-03T12:00:00Z",
      next: null,
    },
  ];

  it.each(cases)("$what", ({ config, zone, after, next }) => {
    expect(nextScheduleRun(config, at(after), zone)?.toISOString() ?? null).toBe(next);
  });

  it.each([
    [{ kind: "once" }, "Once"],
    [{ kind: "interval", every: 1, unit: "days" }, "Every day"],
    [{ kind: "interval", every: 15, unit: "minutes" }, "Every 15 minutes"],
    [{ kind: "weekly", days: [5, 1, 2, 3, 4], time: "09:00" }, "Weekdays at 09:00"],
    [{ kind: "weekly", days: [6, 7], time: "10:30" }, "Sat, Sun at 10:30"],
  ] as const)("describes %j as %s", (repeat, label) => {
    expect(describeRepeat({ repeat: repeat as ScheduleConfig["repeat"] })).toBe(label);
  });
});
