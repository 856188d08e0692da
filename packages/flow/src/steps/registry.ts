import { hasAudience } from "../audience";
import { buttonsStep } from "./buttons";
import { conditionStep } from "./condition";
import { createLeadStep } from "./create_lead";
import { FALLBACK_HANDLE, type OutputHandle, type StepDefinition } from "./define-step";
import { delayStep } from "./delay";
import { freeInputStep } from "./free_input";
import { goToFlowStep } from "./go_to_flow";
import { httpRequestStep } from "./http_request";
import { loginStep } from "./login";
import { randomSplitStep } from "./random_split";
import { routeToOperatorStep } from "./route_to_operator";
import { scheduleStep } from "./schedule";
import { sendWebhookStep } from "./send_webhook";
import { setValuesStep } from "./set_values";
import { textStep } from "./text";
import { updateContactStep } from "./update_contact";

/**
 * The one list of step types. Everything else is derived from it: the `StepType` union, the document
 * schema, the registry below; and everything typed `{ [T in StepType]: … }` (admin step UIs) fails to
 * compile until a new type is known there too.
 */
export const STEP_DEFINITIONS = [
  textStep,
  buttonsStep,
  freeInputStep,
  updateContactStep,
  routeToOperatorStep,
  createLeadStep,
  scheduleStep,
  loginStep,
  conditionStep,
  setValuesStep,
  randomSplitStep,
  delayStep,
  goToFlowStep,
  sendWebhookStep,
  httpRequestStep,
] as const;

type AnyDefinition = (typeof STEP_DEFINITIONS)[number];
export type StepType = AnyDefinition["type"];
export type StepConfigOf<T extends StepType> =
  Extract<AnyDefinition, { type: T }> extends StepDefinition<T, infer C> ? C : never;

export const STEP_TYPES = STEP_DEFINITIONS.map((d) => d.type) as readonly StepType[];

export const stepRegistry = Object.fromEntries(STEP_DEFINITIONS.map((d) => [d.type, d])) as unknown as {
  [T in StepType]: StepDefinition<T, StepConfigOf<T>>;
};

/** Registry entry for a step type, with the config type tied to it. */
export function definitionOf<T extends StepType>(type: T): StepDefinition<T, StepConfigOf<T>> {
  return stepRegistry[type];
}

export const isStepType = (value: unknown): value is StepType =>
  typeof value === "string" && (STEP_TYPES as readonly string[]).includes(value);

/*
 * Step-level accessors. TypeScript can't correlate `step.type` with `step.config` through the mapped
 * registry, so the one unavoidable widening lives here instead of at every call site.
 */
type Loose = StepDefinition<string, unknown>;
const looseDefinition = (type: StepType) => stepRegistry[type] as unknown as Loose;

interface StepLike {
  type: StepType;
  config: unknown;
  audience?: Parameters<typeof hasAudience>[0];
}

/** Every output of a step: its type's outputs, plus `fallback` when it has an audience filter. */
export function stepOutputs(step: StepLike): OutputHandle[] {
  const outputs = looseDefinition(step.type).outputs(step.config);
  return hasAudience(step.audience)
    ? [...outputs, { handle: FALLBACK_HANDLE, label: "Not in audience", required: false }]
    : outputs;
}
export const stepTemplates = (step: StepLike) => looseDefinition(step.type).templates(step.config);
export const stepWrites = (step: StepLike) => looseDefinition(step.type).writesVariables(step.config);
export const stepWaits = (step: Pick<StepLike, "type">) => looseDefinition(step.type).waits;
