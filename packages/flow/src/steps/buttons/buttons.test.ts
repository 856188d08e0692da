import { describe, expect, it } from "vitest";
import { runEngine } from "../../index";
import {
  buttonsStep,
  compileOk,
  drive,
  expectProblemCase,
  flowDoc,
  goto,
  makeCtx,
  press,
  start,
  stateAt,
  text,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";

describe("buttons: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);
});

describe("buttons: no answer within the timeout", () => {
  const flow = compileOk(
    flowDoc(
      [
        buttonsStep("q", "Pick", [goto("y", "Yes")], { timeout: { amount: 2, unit: "hours" } }),
        textStep("yes", "Great"),
        textStep("late", "Still there?"),
      ],
      [
        ["q", "button:y", "yes"],
        ["q", "timeout", "late"],
      ],
    ),
  );

  it("entering the step requests a timer and waits for it", () => {
    const result = runEngine(flow, stateAt(null), start(), makeCtx());
    expect(result.timers).toEqual([{ id: "q:1", stepId: "q", delayMs: 2 * 3_600_000 }]);
    expect(result.state.pending).toEqual({ kind: "timer", id: "q:1" });
  });

  it("the timer fires: the timeout output", () => {
    const { results, state } = drive(flow, [start(), { type: "timer", timerId: "q:1", stepId: "q" }]);
    expect(texts(results[1]!.actions)).toEqual(["Still there?"]);
    expect(results[1]!.events).toContainEqual({ type: "step_timed_out", stepId: "q" });
    // The timer that fired is not cancelled again.
    expect(results[1]!.cancelTimers).toEqual([]);
    expect(state.pending).toBeNull();
  });

  it.each([
    ["a pressed button", press("q:y")],
    ["the typed label", text("yes")],
    ["/start", start()],
  ])("%s leaves the step and cancels the timer", (_what, event) => {
    const { results } = drive(flow, [start(), event]);
    expect(results[1]!.cancelTimers).toContain("q:1");
  });

  it("a wrong answer keeps waiting and keeps the timer", () => {
    const { results, state } = drive(flow, [start(), text("maybe")]);
    expect(results[1]!.cancelTimers).toEqual([]);
    expect(state.pending).toEqual({ kind: "timer", id: "q:1" });
  });

  it.each([
    ["another id", { type: "timer", timerId: "q:9", stepId: "q" }],
    ["another step", { type: "timer", timerId: "q:1", stepId: "x" }],
  ] as const)("a timer with %s is stale and ignored", (_what, event) => {
    const { results } = drive(flow, [start(), event]);
    expect(results[1]!.actions).toEqual([]);
  });
});
