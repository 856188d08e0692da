import { STEP_TYPES, type StepType, stepRegistry } from "./steps/registry";

/** What a step is called where a person reads it (inbox, transcripts, test chat), never its bare id. */
export interface LabelledStep {
  id: string;
  type: string;
  title?: string | undefined;
}

/** How many characters of an id tell two untitled steps of one type apart. */
const SHORT_ID = 4;

/** The step's title; untitled, its type's label and a short id ("Text · Pa8Y"). */
export function stepLabel(step: LabelledStep): string {
  const title = step.title?.trim();
  if (title) return title;
  const type = STEP_TYPES.includes(step.type as StepType)
    ? stepRegistry[step.type as StepType].label
    : "Step";
  return `${type} · ${step.id.slice(0, SHORT_ID)}`;
}

/**
 * The label of `stepId` among `steps` (a compiled flow's or a draft's, by id); a step that is no longer
 * there (a later version removed it) is named as such, with its short id.
 */
export function stepLabelIn(steps: Record<string, LabelledStep> | undefined, stepId: string): string {
  const step = steps?.[stepId];
  return step ? stepLabel(step) : `Removed step · ${stepId.slice(0, SHORT_ID)}`;
}
