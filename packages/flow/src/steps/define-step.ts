import type { z } from "zod";
import type { CompileEnvironment } from "../compiler/environment";
import type { Problem } from "../compiler/problems";
import type { StepHandler } from "../engine/step-io";
import { type Duration, durationLabel, durationMs } from "./common";

export interface OutputHandle {
  /** Edge `sourceHandle`. */
  handle: string;
  /** What the canvas shows next to the handle. */
  label: string;
  /** An unconnected required output is a publish error; an optional one only ends the conversation. */
  required: boolean;
}

export const NEXT_HANDLE = "next";
/** Where a contact outside the step's audience goes. */
export const FALLBACK_HANDLE = "fallback";
/** Where a waiting step goes when nobody answers within its timeout. */
export const TIMEOUT_HANDLE = "timeout";
export const buttonHandle = (buttonId: string) => `button:${buttonId}`;
/** A branch of a Condition or a Random split. */
export const branchHandle = (branchId: string) => `branch:${branchId}`;

export const nextOutput = (label = "Next"): OutputHandle[] => [
  { handle: NEXT_HANDLE, label, required: false },
];

/** The `timeout` output of a waiting step with a "no answer within N" timeout. */
export const timeoutOutputs = (timeout: Duration | undefined): OutputHandle[] =>
  timeout
    ? [{ handle: TIMEOUT_HANDLE, label: `No answer in ${durationLabel(timeout)}`, required: false }]
    : [];

export const timeoutDelay = (timeout: Duration | undefined) => (timeout ? durationMs(timeout) : null);

/**
 * Everything one step type is: its config schema and defaults, its outputs, the templates it renders
 * and variables it writes, its compile checks and its engine handler. Each type lives in
 * `steps/<type>/` and is registered once in `steps/registry.ts`.
 */
export interface StepDefinition<T extends string, C> {
  type: T;
  label: string;
  description: string;
  /**
   * Whether the step stops the chain and waits (for the user, a timer, an operator, a login, a
   * schedule) instead of running straight on. A loop must contain a step that waits.
   */
  waits: boolean;
  configSchema: z.ZodType<C>;
  defaults: () => C;
  outputs: (config: C) => OutputHandle[];
  /** Every template string in the config, for variable checks. */
  templates: (config: C) => string[];
  /** Variables (`vars.*`) this step writes. */
  writesVariables: (config: C) => string[];
  /** Type-specific compile problems. */
  check: (step: { id: string; config: C }, env: CompileEnvironment) => Problem[];
  handler: StepHandler<C>;
}

/** Declares a step type; the literal `type` is kept so the registry can derive the union of types. */
export function defineStep<const T extends string, C>(
  definition: StepDefinition<T, C>,
): StepDefinition<T, C> {
  return definition;
}
