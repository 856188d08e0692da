import { describe, expect, it } from "vitest";
import {
  formatCount,
  MAX_PERIOD_DAYS,
  outputKey,
  overlayStats,
  percent,
  periodEnding,
  periodOf,
  rangeProblem,
  type StepAnalytics,
} from "./overlay-model";

const analytics: StepAnalytics = {
  version: 2,
  from: "2026-12-01",
  to: "2026-12-07",
  splits: [],
  steps: [
    {
      stepId: "menu",
      reached: 10,
      wentOn: 4,
      stopped: 6,
      stopShare: 0.6,
      dropOff: true,
      outputs: [
        { output: "button:y", targetStepId: "yes", count: 4, share: 0.4 },
        { output: "button:n", targetStepId: "no", count: 0, share: 0 },
        { output: "timeout", targetStepId: null, count: 1, share: 0.1 },
      ],
    },
    { stepId: "yes", reached: 4, wentOn: 0, stopped: 0, stopShare: 0, dropOff: false, outputs: [] },
    {
      stepId: "bye",
      reached: 3,
      wentOn: 0,
      stopped: 3,
      stopShare: 1,
      dropOff: false,
      outputs: [{ output: "next", targetStepId: null, count: 3, share: 1 }],
    },
    { stepId: "removed", reached: 9, wentOn: 0, stopped: 9, stopShare: 1, dropOff: false, outputs: [] },
  ],
};

describe("overlayStats", () => {
  const stats = overlayStats(analytics, ["menu", "yes", "bye", "added-since"]);

  it("labels each step of the canvas the version has", () => {
    expect(stats.nodes.get("menu")).toMatchObject({
      reached: 10,
      stopped: 6,
      dropOff: true,
      text: "10 reached · 6 stopped (60%)",
    });
    expect(stats.nodes.get("menu")!.title).toMatch(/drop-off/);
    // Conversations, each once a day: not how many times the step was passed.
    expect(stats.nodes.get("menu")!.title).toMatch(
      /^10 conversations reached this step; .* counts once a day/,
    );
    expect(stats.nodes.get("menu")!.title).not.toMatch(/times/);
    // Nobody stopped: no stop figure to read.
    expect(stats.nodes.get("yes")!.text).toBe("4 reached");
    // The end of the flow: stopping there is ending, not dropping off.
    expect(stats.nodes.get("bye")!.text).toBe("3 reached · 3 ended here");
    // Only steps on the canvas: a step deleted from the draft has no place to show.
    expect([...stats.nodes.keys()]).toEqual(["menu", "yes", "bye"]);
    expect(stats.notInVersion).toBe(1);
  });

  it("labels the outputs conversations took, with their share of those that reached the step", () => {
    expect(stats.outputs.get(outputKey("menu", "button:y"))).toMatchObject({ text: "4 · 40%", ended: false });
    expect(stats.outputs.get(outputKey("menu", "timeout"))).toMatchObject({ text: "1 · 10%", ended: true });
    expect(stats.outputs.has(outputKey("menu", "button:n"))).toBe(false);
  });
});

describe("formatting", () => {
  it.each([
    [0, "0%"],
    [0.001, "<1%"],
    [0.666, "67%"],
    [1, "100%"],
  ])("percent(%s) = %s", (share, text) => expect(percent(share)).toBe(text));

  it.each([
    [999, "999"],
    [1_250, "1.2k"],
    [12_600, "13k"],
    [2_000_000, "2M"],
  ])("formatCount(%s) = %s", (n, text) => expect(formatCount(n)).toBe(text));

  it("a period of n days ends today (UTC)", () => {
    const now = new Date("2026-03-01T23:30:00Z");
    expect(periodEnding(now, 1)).toEqual({ from: "2026-03-01", to: "2026-03-01" });
    expect(periodEnding(now, 7)).toEqual({ from: "2026-02-23", to: "2026-03-01" });
  });
});

describe("periods", () => {
  const now = new Date("2026-12-04T10:00:00Z");

  it("the last N days end today; a picked range is taken as it is", () => {
    expect(periodOf({ kind: "last", days: 7 }, now)).toEqual({ from: "2026-11-28", to: "2026-12-04" });
    expect(periodOf({ kind: "range", from: "2026-01-01", to: "2026-01-31" }, now)).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
    });
  });

  it("a picked range needs both days, in order, and at most the API's longest period", () => {
    expect(rangeProblem("2026-01-01", "2026-01-31")).toBeNull();
    expect(rangeProblem("2026-01-05", "2026-01-05")).toBeNull();
    expect(rangeProblem("", "2026-01-31")).toBe("Pick the first and the last day.");
    expect(rangeProblem("2026-02-01", "2026-01-31")).toBe("The period starts after it ends.");
    expect(rangeProblem("2024-01-01", "2024-12-31")).toBeNull(); // a leap year: 366 days
    expect(rangeProblem("2024-01-01", "2025-01-01")).toBe(
      `Choose a period of at most ${MAX_PERIOD_DAYS} days.`,
    );
  });
});
