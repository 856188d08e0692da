import { createLeadStep, flowDoc, type ProblemCase } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "EMPTY_LEAD_TITLE",
    what: "a blank title",
    severity: "error",
    stepId: "l",
    doc: flowDoc([createLeadStep("l", { title: "  " })]),
  },
  {
    code: "UNKNOWN_MEMBER",
    what: "an owner who is not a member",
    severity: "error",
    stepId: "l",
    doc: flowDoc([createLeadStep("l", { owner: { kind: "member", userId: "gone" } })]),
    env: { memberIds: ["u1"] },
  },
  {
    code: "UNKNOWN_STAGE",
    what: "a stage that no longer exists",
    severity: "error",
    stepId: "l",
    doc: flowDoc([createLeadStep("l", { stageId: "00000000-0000-4000-8000-000000000009" })]),
    env: { stageIds: ["00000000-0000-4000-8000-000000000001"] },
  },
];
