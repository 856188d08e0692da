import { flowDoc, type ProblemCase, scheduleStep } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "INVALID_SCHEDULE",
    what: "no start date",
    severity: "error",
    stepId: "s",
    doc: flowDoc([scheduleStep("s", "Reminder", { startAt: "" })]),
  },
  {
    code: "INVALID_SCHEDULE",
    what: "an impossible date",
    severity: "error",
    stepId: "s",
    doc: flowDoc([scheduleStep("s", "Reminder", { startAt: "2026-02-31T09:00" })]),
  },
  {
    code: "INVALID_SCHEDULE",
    what: "weekly without days",
    severity: "error",
    stepId: "s",
    doc: flowDoc([scheduleStep("s", "Reminder", { repeat: { kind: "weekly", days: [], time: "09:00" } })]),
  },
  {
    code: "EMPTY_TEXT",
    what: "nothing to send",
    severity: "error",
    stepId: "s",
    doc: flowDoc([scheduleStep("s", "")]),
  },
];
