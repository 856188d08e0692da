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
  it("stops are arrivals that did not go on to another step", () => {
    const { steps } = flowFigures(version, [
      { stepId: "q", output: null, count: 10 },
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
      { stepId: "q", output: "button:y", count: 3 },
      { stepId: "q", output: "button:gone", count: 7 },
      { stepId: "gone", output: null, count: 9 },
    ]);
    expect(steps.map((s) => s.stepId)).toEqual(["q", "yes", "no"]);
    expect(steps[0]).toMatchObject({ reached: 0, wentOn: 3, stopped: 0, stopShare: 0 });
    expect(steps[0]!.outputs.map((o) => o.output)).toEqual(["button:y", "button:n", "timeout"]);
  });
});

describe("StepTally", () => {
  it("maps engine events to arrivals and departures per version, sorted", () => {
    const tally = new StepTally();
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
      { type: "step_reached", stepId: "b" },
    ]);
    expect(tally.entries()).toEqual([
      { versionId: "v1", stepId: "a", output: null, count: 1 },
      { versionId: "v1", stepId: "a", output: "fallback", count: 1 },
      { versionId: "v1", stepId: "b", output: null, count: 2 },
      { versionId: "v2", stepId: "a", output: null, count: 1 },
      { versionId: "v2", stepId: "b", output: null, count: 1 },
      { versionId: "v2", stepId: "b", output: "next", count: 1 },
    ]);
  });
});
