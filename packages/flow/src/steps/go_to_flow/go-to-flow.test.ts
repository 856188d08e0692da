import { describe, expect, it } from "vitest";
import {
  actionsOf,
  compileOk,
  drive,
  expectProblemCase,
  flowDoc,
  goToFlowStep,
  start,
  textStep,
  texts,
} from "../../testing";
import { problemCases, workspaceFlows } from "./cases";

describe("go to flow: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it.each([
    ["the target's start step", null],
    ["a step of the target's live version", "price"],
  ])("%s compiles against the workspace", (_what, stepId) => {
    const flow = compileOk(
      flowDoc([textStep("a", "Hi"), goToFlowStep("g", "f-sales", stepId)], [["a", "next", "g"]]),
      workspaceFlows,
    );
    expect(flow.steps.g?.outputs).toEqual({});
  });
});

describe("go to flow: engine", () => {
  it("asks the core to switch flows and ends this flow's chain", () => {
    const flow = compileOk(
      flowDoc([textStep("a", "Hi"), goToFlowStep("g", "f-sales", "price")], [["a", "next", "g"]]),
    );
    const { last } = drive(flow, [start()]);
    expect(texts(last.actions)).toEqual(["Hi"]);
    expect(actionsOf(last.actions, "go_to_flow")).toEqual([
      { type: "go_to_flow", stepId: "g", flowId: "f-sales", targetStepId: "price" },
    ]);
    expect(last.state).toMatchObject({ stepId: "g", waiting: false });
  });

  it.each([
    ["its start step", null, ["Welcome to sales"]],
    ["the chosen step", "price", ["Prices: …"]],
  ])("a flow_entered event runs the target flow from %s", (_what, stepId, sent) => {
    const target = compileOk(
      flowDoc([textStep("w", "Welcome to sales"), textStep("price", "Prices: …")], [["w", "next", "price"]]),
    );
    const { last } = drive(target, [{ type: "flow_entered", stepId }]);
    expect(texts(last.actions)).toEqual(stepId ? sent : ["Welcome to sales", "Prices: …"]);
  });
});
