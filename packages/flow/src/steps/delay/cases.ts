import { delayStep, flowDoc, type ProblemCase, textStep } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "DELAY_OUT_OF_RANGE",
    what: "366 days",
    severity: "error",
    stepId: "d",
    doc: flowDoc([delayStep("d", { amount: 366, unit: "days" }), textStep("t", "Hi")], [["d", "next", "t"]]),
  },
  {
    code: "DELAY_OUT_OF_RANGE",
    what: "9000 hours (more than 365 days)",
    severity: "error",
    stepId: "d",
    doc: flowDoc(
      [delayStep("d", { amount: 9000, unit: "hours" }), textStep("t", "Hi")],
      [["d", "next", "t"]],
    ),
  },
  {
    code: "INVALID_STEP",
    what: "0 seconds",
    severity: "error",
    stepId: "d",
    doc: flowDoc([delayStep("d", { amount: 0 }), textStep("t", "Hi")], [["d", "next", "t"]]),
  },
];
