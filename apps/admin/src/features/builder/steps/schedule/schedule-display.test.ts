import type { ScheduleConfig } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { formatRunTime, scheduleDisplay, toggleDay, withRepeatKind } from "./schedule-display";

const now = new Date("2026-12-03T12:00:00Z"); // a Thursday

describe("formatRunTime", () => {
  it("shows the time in the schedule's zone", () => {
    expect(formatRunTime(new Date("2026-12-07T08:00:00Z"), "Europe/Berlin", now)).toBe("Mon, Dec 7, 09:00");
    expect(formatRunTime(new Date("2026-12-07T08:00:00Z"), "UTC", now)).toBe("Mon, Dec 7, 08:00");
  });

  it("adds the year when it isn't this year", () => {
    expect(formatRunTime(new Date("2027-01-04T08:00:00Z"), "UTC", now)).toBe("Mon, Jan 4, 2027, 08:00");
  });
});

describe("scheduleDisplay", () => {
  const weekdays: Pick<ScheduleConfig, "startAt" | "repeat"> = {
    startAt: "2026-12-01T09:00",
    repeat: { kind: "weekly", days: [1, 2, 3, 4, 5], time: "09:00" },
  };

  it("computes the next run locally before any bot runs the flow", () => {
    expect(scheduleDisplay(weekdays, [], now, "Europe/Berlin")).toEqual({
      repeat: "Weekdays at 09:00",
      valid: true,
      runs: [],
      localNext: "Fri, Dec 4, 09:00",
    });
  });

  it("has no next run for a one-off in the past, or without a start", () => {
    const past = { startAt: "2026-11-01T10:00", repeat: { kind: "once" } } as const;
    expect(scheduleDisplay(past, [], now, "UTC")).toMatchObject({
      valid: true,
      localNext: null,
      repeat: "Once",
    });
    expect(scheduleDisplay({ ...past, startAt: "" }, [], now, "UTC")).toMatchObject({
      valid: false,
      localNext: null,
    });
  });

  it("shows the server's last and next run per bot once bots run it", () => {
    const display = scheduleDisplay(
      weekdays,
      [
        {
          botId: "b1",
          botUsername: "acme_bot",
          stepId: "s",
          lastRunAt: new Date("2026-12-03T08:00:00Z"),
          lastRunReached: 12,
          nextRunAt: new Date("2026-12-04T08:00:00Z"),
        },
        { botId: "b2", stepId: "s", lastRunAt: null, lastRunReached: null, nextRunAt: null },
      ],
      now,
      "Europe/Berlin",
    );
    expect(display.localNext).toBeNull();
    expect(display.runs).toEqual([
      { bot: "@acme_bot", last: "Thu, Dec 3, 09:00", lastReached: 12, next: "Fri, Dec 4, 09:00" },
      { bot: "A bot", last: null, lastReached: null, next: null },
    ]);
  });
});

describe("withRepeatKind", () => {
  it("starts a weekly repeat on the start's weekday and time", () => {
    expect(withRepeatKind({ kind: "once" }, "weekly", "2026-12-06T18:30")).toEqual({
      kind: "weekly",
      days: [7],
      time: "18:30",
    });
    expect(withRepeatKind({ kind: "once" }, "weekly", "")).toEqual({
      kind: "weekly",
      days: [1],
      time: "09:00",
    });
  });

  it("starts an interval at every day, and keeps a repeat of the same kind", () => {
    expect(withRepeatKind({ kind: "once" }, "interval", "")).toEqual({
      kind: "interval",
      every: 1,
      unit: "days",
    });
    const hourly = { kind: "interval", every: 2, unit: "hours" } as const;
    expect(withRepeatKind(hourly, "interval", "")).toBe(hourly);
    expect(withRepeatKind(hourly, "once", "")).toEqual({ kind: "once" });
  });
});

describe("toggleDay", () => {
  it("switches a day on in week order, or off", () => {
    expect(toggleDay([5, 1], 3)).toEqual([1, 3, 5]);
    expect(toggleDay([1, 3], 3)).toEqual([1]);
  });
});
