import { flowDoc, loginStep, type ProblemCase } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "EMPTY_BUTTON_LABEL",
    what: "a login button without a label",
    severity: "error",
    stepId: "l",
    doc: flowDoc([loginStep("l", "Log in", { buttonLabel: " " })]),
  },
  {
    code: "EMPTY_TEXT",
    what: "a login step without text",
    severity: "error",
    stepId: "l",
    doc: flowDoc([loginStep("l", "")]),
  },
];
