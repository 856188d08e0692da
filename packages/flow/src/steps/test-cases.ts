import type { ProblemCase } from "../testing";
import * as buttons from "./buttons/cases";
import * as condition from "./condition/cases";
import * as createLead from "./create_lead/cases";
import * as delay from "./delay/cases";
import * as freeInput from "./free_input/cases";
import * as goToFlow from "./go_to_flow/cases";
import * as httpRequest from "./http_request/cases";
import * as login from "./login/cases";
import * as randomSplit from "./random_split/cases";
import type { StepType } from "./registry";
import * as routeToOperator from "./route_to_operator/cases";
import * as schedule from "./schedule/cases";
import * as sendWebhook from "./send_webhook/cases";
import * as setValues from "./set_values/cases";
import * as text from "./text/cases";
import * as updateContact from "./update_contact/cases";

/** Every slice's compile problem cases (test fixtures): a new step type must bring its own. */
export const STEP_PROBLEM_CASES: { [T in StepType]: ProblemCase[] } = {
  text: text.problemCases,
  buttons: buttons.problemCases,
  free_input: freeInput.problemCases,
  update_contact: updateContact.problemCases,
  route_to_operator: routeToOperator.problemCases,
  create_lead: createLead.problemCases,
  schedule: schedule.problemCases,
  login: login.problemCases,
  condition: condition.problemCases,
  set_values: setValues.problemCases,
  random_split: randomSplit.problemCases,
  delay: delay.problemCases,
  go_to_flow: goToFlow.problemCases,
  send_webhook: sendWebhook.problemCases,
  http_request: httpRequest.problemCases,
};
