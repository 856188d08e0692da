import { flowDoc, type ProblemCase, updateContactStep } from "../../testing";

const custom = (key: string) => ({ field: { kind: "custom", key } });

export const problemCases: ProblemCase[] = [
  {
    code: "EMPTY_TEXT",
    what: "update contact without a question",
    severity: "error",
    stepId: "u",
    doc: flowDoc([updateContactStep("u", " ")]),
  },
  {
    code: "UNKNOWN_CONTACT_FIELD",
    what: "a custom field the workspace does not have",
    severity: "error",
    stepId: "u",
    doc: flowDoc([updateContactStep("u", "Size?", custom("size"))]),
    env: { customFields: [{ key: "city_zip", label: "ZIP", type: "text", options: [] }] },
  },
  {
    code: "FIELD_HAS_NO_OPTIONS",
    what: "a choice field without options",
    severity: "error",
    stepId: "u",
    doc: flowDoc([updateContactStep("u", "Size?", custom("size"))]),
    env: { customFields: [{ key: "size", label: "Size", type: "choice", options: [] }] },
  },
  {
    code: "EMPTY_BUTTON_LABEL",
    what: "phone without a share-button label",
    severity: "error",
    stepId: "u",
    doc: flowDoc([updateContactStep("u", "Phone?", { shareButtonLabel: "" })]),
  },
];
