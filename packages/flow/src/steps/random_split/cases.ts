import { flowDoc, type ProblemCase, randomSplitStep } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "INVALID_SPLIT",
    what: "a split with one branch",
    severity: "error",
    stepId: "r",
    doc: flowDoc([randomSplitStep("r", [{ id: "a", label: "A" }])]),
  },
  {
    code: "INVALID_SPLIT",
    what: "a branch without a label",
    severity: "error",
    stepId: "r",
    doc: flowDoc([
      randomSplitStep("r", [
        { id: "a", label: "A" },
        { id: "b", label: " " },
      ]),
    ]),
  },
  {
    code: "DUPLICATE_BRANCH_NAME",
    what: "two branches with one label",
    severity: "error",
    stepId: "r",
    doc: flowDoc([
      randomSplitStep("r", [
        { id: "a", label: "Offer" },
        { id: "b", label: "offer" },
      ]),
    ]),
  },
  {
    code: "INVALID_STEP",
    what: "a weight of zero",
    severity: "error",
    stepId: "r",
    doc: flowDoc([
      randomSplitStep("r", [
        { id: "a", label: "A", weight: 0 },
        { id: "b", label: "B" },
      ]),
    ]),
  },
];
