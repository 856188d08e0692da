import type { StepType } from "@switchboard/flow";
import { buttonsStepUI } from "./buttons";
import { conditionStepUI } from "./condition";
import { createLeadStepUI } from "./create_lead";
import { delayStepUI } from "./delay";
import { freeInputStepUI } from "./free_input";
import { goToFlowStepUI } from "./go_to_flow";
import { httpRequestStepUI } from "./http_request";
import { loginStepUI } from "./login";
import { randomSplitStepUI } from "./random_split";
import { routeToOperatorStepUI } from "./route_to_operator";
import { scheduleStepUI } from "./schedule";
import { sendWebhookStepUI } from "./send_webhook";
import { setValuesStepUI } from "./set_values";
import { textStepUI } from "./text";
import type { BuilderStepUI } from "./types";
import { updateContactStepUI } from "./update_contact";

export type { BuilderStepUI, EditorProps, NodeBodyProps } from "./types";

/**
 * The builder's UI for every step type of the flow package (`STEP_TYPES`): adding a step type there
 * fails to compile here until its slice (steps/<type>/) exists.
 */
export const builderSteps: { [T in StepType]: BuilderStepUI<T> } = {
  text: textStepUI,
  buttons: buttonsStepUI,
  free_input: freeInputStepUI,
  update_contact: updateContactStepUI,
  route_to_operator: routeToOperatorStepUI,
  create_lead: createLeadStepUI,
  schedule: scheduleStepUI,
  login: loginStepUI,
  condition: conditionStepUI,
  set_values: setValuesStepUI,
  random_split: randomSplitStepUI,
  delay: delayStepUI,
  go_to_flow: goToFlowStepUI,
  send_webhook: sendWebhookStepUI,
  http_request: httpRequestStepUI,
};

/** The slice for a step whose type is only known at run time; pass it the matching step. */
export function builderStepUI(type: StepType): BuilderStepUI<StepType> {
  return builderSteps[type] as unknown as BuilderStepUI<StepType>;
}
