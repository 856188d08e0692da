import type { StepType } from "@switchboard/flow";
import { buttonsStepUI } from "./buttons";
import { freeInputStepUI } from "./free_input";
import { textStepUI } from "./text";
import type { BuilderStepUI } from "./types";

export type { BuilderStepUI, EditorProps, NodeBodyProps } from "./types";

/**
 * The builder's UI for every step type of the flow package (`STEP_TYPES`): adding a step type there
 * fails to compile here until its slice (steps/<type>/) exists.
 */
export const builderSteps: { [T in StepType]: BuilderStepUI<T> } = {
  text: textStepUI,
  buttons: buttonsStepUI,
  free_input: freeInputStepUI,
};

/** The slice for a step whose type is only known at run time; pass it the matching step. */
export function builderStepUI(type: StepType): BuilderStepUI<StepType> {
  return builderSteps[type] as unknown as BuilderStepUI<StepType>;
}
