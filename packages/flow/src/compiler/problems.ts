/** Every problem the compiler can report. Errors block publishing; warnings are shown but allowed. */
export const PROBLEM_CODES = {
  INVALID_DOCUMENT: "error",
  INVALID_STEP: "error",
  INVALID_EDGE: "error",
  DUPLICATE_STEP_ID: "error",
  FLOW_EMPTY: "error",
  NO_ENTRY_STEP: "error",
  EDGE_UNKNOWN_SOURCE: "error",
  EDGE_UNKNOWN_TARGET: "error",
  EDGE_UNKNOWN_HANDLE: "error",
  DUPLICATE_OUTPUT: "error",
  BUTTON_NO_TARGET: "error",
  EMPTY_TEXT: "error",
  NO_BUTTONS: "error",
  EMPTY_BUTTON_LABEL: "error",
  DUPLICATE_BUTTON_ID: "error",
  INVALID_URL: "error",
  INVALID_PATTERN: "error",
  DUPLICATE_ALIAS: "error",
  LOOP_WITHOUT_WAIT: "error",
  MEDIA_TOO_LARGE: "error",
  UNKNOWN_CONTACT_FIELD: "error",
  FIELD_HAS_NO_OPTIONS: "error",
  INVALID_AUDIENCE_RULE: "error",
  UNKNOWN_MEMBER: "error",
  UNKNOWN_STAGE: "error",
  INVALID_SCHEDULE: "error",
  EMPTY_LEAD_TITLE: "error",
  NO_BRANCHES: "error",
  EMPTY_BRANCH: "error",
  DUPLICATE_BRANCH_NAME: "error",
  INVALID_CONDITION_RULE: "error",
  NO_OPERATIONS: "error",
  INVALID_SET_VALUE: "error",
  INVALID_SPLIT: "error",
  DELAY_OUT_OF_RANGE: "error",
  UNKNOWN_TARGET_FLOW: "error",
  DUPLICATE_EXTRA_KEY: "error",
  INVALID_JSON_PATH: "error",
  MISPLACED_SECRET: "error",
  INVALID_HEADER_NAME: "error",
  UNKNOWN_SECRET: "warning",
  HTTP_REQUEST_LOOP: "warning",
  UNREACHABLE_STEP: "warning",
  DANGLING_OUTPUT: "warning",
  UNKNOWN_VARIABLE: "warning",
  TEXT_WILL_BE_SPLIT: "warning",
  CAPTION_WILL_BE_SPLIT: "warning",
  LINK_NOT_SENT: "warning",
  NOT_A_NUMBER: "warning",
  TARGET_FLOW_NOT_PUBLISHED: "warning",
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;
export type Severity = (typeof PROBLEM_CODES)[ProblemCode];

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** A sentence a marketer understands. */
  message: string;
  stepId?: string;
  edgeId?: string;
  /** Where inside the step, e.g. "config.buttons.1.label". */
  path?: string;
}

export function problem(
  code: ProblemCode,
  message: string,
  where: { stepId?: string; edgeId?: string; path?: string } = {},
): Problem {
  return { code, severity: PROBLEM_CODES[code], message, ...where };
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === "error");
