import { WENT_ON_OUTPUT } from "@switchboard/db";
import { buttonsStep, compileOk, flowDoc, goto, textStep } from "@switchboard/flow/testing";
import { describe, expect, it } from "vitest";
import { DROP_OFF_MIN_STOPPED, flowFigures } from "../src/analytics/step-figures";
import { StepTally } from "../src/analytics/step-tally";

/** q (Yes → yes, No → no, no answer within an hour → nowhere); yes and no end. */
const version = compileOk(
  flowDoc(
    [
      buttonsStep("q", "Sure?", [goto("y", "Yes"), goto("n", "No")], {
        timeout: { amount: 1, unit: "hours" },
      }),
      textStep("yes", "Good"),
      textStep("no", "Pity"),
    ],
    [
      ["q", "button:y", "yes"],
      ["q", "button:n", "no"],
    ],
  ),
);

describe("flowFigures", () => {
  it("stops are conversations that reached the step and did not go on to another step", () => {
    const { steps } = flowFigures(version, [
      { stepId: "q", output: null, count: 10 },
      { stepId: "q", output: WENT_ON_OUTPUT, count: 4 },
      { stepId: "q", output: "button:y", count: 4 },
      { stepId: "q", output: "timeout", count: 2 },
      { stepId: "yes", output: null, count: 4 },
    ]);
    const q = steps.find((s) => s.stepId === "q")!;
    // The timeout leads nowhere: those 2 ended there, like the 4 still waiting.
    expect(q).toMatchObject({ reached: 10, wentOn: 4, stopped: 6, stopShare: 0.6, dropOff: true });
    expect(q.outputs).toEqual([
      { output: "button:y", targetStepId: "yes", count: 4, share: 0.4 },
      { output: "button:n", targetStepId: "no", count: 0, share: 0 },
      { output: "timeout", targetStepId: null, count: 2, share: 0.2 },
    ]);
  });

  it("an end step is no drop-off, nor a step where few stopped", () => {
    const few = flowFigures(version, [
      { stepId: "q", output: null, count: DROP_OFF_MIN_STOPPED - 1 },
      { stepId: "yes", output: null, count: 50 },
    ]);
    expect(few.steps.map((s) => [s.stepId, s.stopped, s.dropOff])).toEqual([
      ["q", DROP_OFF_MIN_STOPPED - 1, false],
      ["yes", 50, false],
      ["no", 0, false],
    ]);
  });

  it("never reports negative stops, and ignores steps and outputs the version lacks", () => {
    const { steps } = flowFigures(version, [
      { stepId: "q", output: WENT_ON_OUTPUT, count: 3 },
      { stepId: "q", output: "button:y", count: 3 },
      { stepId: "q", output: "button:gone", count: 7 },
      { stepId: "gone", output: null, count: 9 },
    ]);
    expect(steps.map((s) => s.stepId)).toEqual(["q", "yes", "no"]);
    expect(steps[0]).toMatchObject({ reached: 0, wentOn: 3, stopped: 0, stopShare: 0 });
    expect(steps[0]!.outputs.map((o) => o.output)).toEqual(["button:y", "button:n", "timeout"]);
  });

  it("went on is its own counter, not the sum of the outputs leading on", () => {
    // 5 conversations reached q; 3 went on, one of them through both buttons on the same day (a loop back).
    const { steps } = flowFigures(version, [
      { stepId: "q", output: null, count: 5 },
      { stepId: "q", output: WENT_ON_OUTPUT, count: 3 },
      { stepId: "q", output: "button:y", count: 2 },
      { stepId: "q", output: "button:n", count: 2 },
    ]);
    expect(steps[0]).toMatchObject({ reached: 5, wentOn: 3, stopped: 2, stopShare: 0.4 });
    expect(steps[0]!.outputs.map((o) => o.output)).toEqual(["button:y", "button:n", "timeout"]);
  });
});

describe("StepTally", () => {
  const at = new Date("2026-12-04T10:00:00Z");

  it("maps engine events to reached, went on and outputs per version, sorted", () => {
    const tally = new StepTally({ at });
    tally.add("v2", [
      { type: "step_reached", stepId: "b" },
      { type: "output_taken", stepId: "b", output: "next", targetStepId: "a" },
      { type: "variable_set", name: "x", value: "1" },
      { type: "step_reached", stepId: "a" },
    ]);
    tally.add("v1", [
      { type: "audience_skipped", stepId: "a" },
      { type: "output_taken", stepId: "a", output: "fallback", targetStepId: null },
      { type: "step_reached", stepId: "b" },
    ]);
    expect(tally.day).toBe("2026-12-04");
    expect(tally.entries()).toEqual([
      { versionId: "v1", stepId: "a", output: null, count: 1 },
      // Left through an output that leads nowhere: no went on.
      { versionId: "v1", stepId: "a", output: "fallback", count: 1 },
      { versionId: "v1", stepId: "b", output: null, count: 1 },
      { versionId: "v2", stepId: "a", output: null, count: 1 },
      { versionId: "v2", stepId: "b", output: null, count: 1 },
      { versionId: "v2", stepId: "b", output: WENT_ON_OUTPUT, count: 1 },
      { versionId: "v2", stepId: "b", output: "next", count: 1 },
    ]);
  });

  /** menu (A → a, Back ← a): a conversation that goes round the loop `times` times in one run. */
  const loop = (times: number) =>
    Array.from({ length: times }, () => [
      { type: "step_reached" as const, stepId: "menu" },
      { type: "output_taken" as const, stepId: "menu", output: "button:a", targetStepId: "a" },
      { type: "step_reached" as const, stepId: "a" },
      { type: "output_taken" as const, stepId: "a", output: "button:back", targetStepId: "menu" },
    ]).flat();
  const counters = (tally: StepTally) =>
    tally.entries().map((e) => `${e.versionId}/${e.stepId}/${e.output ?? "reached"}×${e.count}`);

  it("a conversation looping back to a step counts once, within a run and across its dispatches", () => {
    const first = new StepTally({ at });
    first.add("v1", loop(3), "f");
    expect(counters(first)).toEqual([
      "v1/a/reached×1",
      "v1/a/*×1",
      "v1/a/button:back×1",
      "v1/menu/reached×1",
      "v1/menu/*×1",
      "v1/menu/button:a×1",
    ]);
    // The next message of the same conversation, the same day: what its row says it counts in already.
    const stored = JSON.parse(JSON.stringify(first.countedToday()));
    const later = new StepTally({ at: new Date("2026-12-04T23:59:00Z"), counted: stored });
    later.add("v1", loop(2), "f");
    expect(counters(later)).toEqual([]);
    // A step or output it had not counted in yet today still counts.
    later.add("v1", [{ type: "output_taken", stepId: "menu", output: "timeout", targetStepId: null }], "f");
    expect(counters(later)).toEqual(["v1/menu/timeout×1"]);
  });

  it("a new UTC day counts the conversation again", () => {
    const first = new StepTally({ at });
    first.add("v1", loop(1), "f");
    const nextDay = new StepTally({
      at: new Date("2026-12-05T00:00:01Z"),
      counted: JSON.parse(JSON.stringify(first.countedToday())),
    });
    nextDay.add("v1", loop(2), "f");
    expect(nextDay.day).toBe("2026-12-05");
    expect(counters(nextDay)).toEqual(counters(first));
    // What it stores is that day's alone.
    expect(nextDay.countedToday().day).toBe("2026-12-05");
  });

  it("a new version of the flow counts again and forgets the old version's counters; another flow's stay", () => {
    const first = new StepTally({ at });
    first.add("v1", loop(1), "f");
    first.add("g1", [{ type: "step_reached", stepId: "other" }], "g");
    const republished = new StepTally({ at, counted: JSON.parse(JSON.stringify(first.countedToday())) });
    republished.add("v2", loop(1), "f");
    republished.add("g1", [{ type: "step_reached", stepId: "other" }], "g");
    expect(counters(republished)).toEqual(
      counters(first)
        .map((c) => c.replace("v1/", "v2/"))
        .filter((c) => !c.startsWith("g1/")),
    );
    expect(Object.keys(republished.countedToday().flows)).toEqual(["f", "g"]);
    expect(republished.countedToday().flows.f!.version).toBe("v2");
  });

  it("an unreadable stored record counts as nothing counted yet, and the stored copy is not changed", () => {
    for (const stored of [
      null,
      "junk",
      { day: "2026-12-04" },
      { day: "2026-12-04", flows: { f: { version: 1 } } },
    ]) {
      const tally = new StepTally({ at, counted: stored });
      tally.add("v1", [{ type: "step_reached", stepId: "menu" }], "f");
      expect(counters(tally)).toEqual(["v1/menu/reached×1"]);
    }
    const stored = { day: "2026-12-04", flows: { f: { version: "v1", steps: { menu: [""] } } } };
    const tally = new StepTally({ at, counted: stored });
    tally.add("v1", [{ type: "step_reached", stepId: "a" }], "f");
    expect(counters(tally)).toEqual(["v1/a/reached×1"]);
    expect(stored.flows.f.steps).toEqual({ menu: [""] });
  });
});
