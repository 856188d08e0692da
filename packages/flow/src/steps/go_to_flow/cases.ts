import type { CompileEnvironment } from "../../compiler/environment";
import { flowDoc, goToFlowStep, type ProblemCase, textStep } from "../../testing";

export const workspaceFlows: CompileEnvironment = {
  flows: [
    { id: "f-sales", name: "Sales", published: true, steps: [{ id: "price", title: "Prices" }] },
    { id: "f-draft", name: "Draft", published: false, steps: [] },
  ],
};

const from = (goTo: unknown) => flowDoc([textStep("a", "Hi"), goTo], [["a", "next", "g"]]);

export const problemCases: ProblemCase[] = [
  {
    code: "UNKNOWN_TARGET_FLOW",
    what: "no flow picked",
    severity: "error",
    stepId: "g",
    doc: from(goToFlowStep("g", "")),
  },
  {
    code: "UNKNOWN_TARGET_FLOW",
    what: "a flow the workspace does not have",
    severity: "error",
    stepId: "g",
    doc: from(goToFlowStep("g", "f-gone")),
    env: workspaceFlows,
  },
  {
    code: "UNKNOWN_TARGET_FLOW",
    what: "a step the target's live version does not have",
    severity: "error",
    stepId: "g",
    doc: from(goToFlowStep("g", "f-sales", "nope")),
    env: workspaceFlows,
  },
  {
    code: "TARGET_FLOW_NOT_PUBLISHED",
    what: "a flow not published yet",
    severity: "warning",
    stepId: "g",
    doc: from(goToFlowStep("g", "f-draft")),
    env: workspaceFlows,
  },
];
