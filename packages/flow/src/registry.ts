import type { z } from "zod";
import type { Step, StepOf } from "./document";
import type { StepType } from "./step-types";
import { type ButtonsConfig, buttonsConfigSchema } from "./steps/buttons";
import { type FreeInputConfig, freeInputConfigSchema } from "./steps/free-input";
import { type TextConfig, textConfigSchema } from "./steps/text";

export interface OutputHandle {
  /** Edge `sourceHandle`. */
  handle: string;
  /** What the canvas shows next to the handle. */
  label: string;
  /** An unconnected required output is a publish error; an optional one only ends the conversation. */
  required: boolean;
}

export interface StepDefinition<T extends StepType> {
  label: string;
  description: string;
  /** Whether the step stops and waits for the user (buttons, free input) or runs straight through. */
  waitsForUser: boolean;
  configSchema: z.ZodType<StepOf<T>["config"]>;
  defaults: () => StepOf<T>["config"];
  outputs: (config: StepOf<T>["config"]) => OutputHandle[];
  /** Every template string in the config, for variable checks. */
  templates: (config: StepOf<T>["config"]) => string[];
  /** Variables (`vars.*`) this step writes. */
  writesVariables: (config: StepOf<T>["config"]) => string[];
}

export const NEXT_HANDLE = "next";
export const buttonHandle = (buttonId: string) => `button:${buttonId}`;

const nextOutput = (): OutputHandle[] => [{ handle: NEXT_HANDLE, label: "Next", required: false }];

/** One entry per step type: a missing one is a compile error here and everywhere the type is used. */
export const stepRegistry: { [T in StepType]: StepDefinition<T> } = {
  text: {
    label: "Text",
    description: "Sends a message and goes straight on to the next step.",
    waitsForUser: false,
    configSchema: textConfigSchema,
    defaults: (): TextConfig => ({ text: "" }),
    outputs: nextOutput,
    templates: (c) => [c.text],
    writesVariables: () => [],
  },
  buttons: {
    label: "Buttons",
    description: "Asks a question with answer buttons; each button leads to its own step.",
    waitsForUser: true,
    configSchema: buttonsConfigSchema,
    defaults: (): ButtonsConfig => ({
      text: "",
      keyboard: "inline",
      buttons: [],
      columns: 1,
      retryText: "Please choose one of the options.",
    }),
    outputs: (c) =>
      c.buttons
        .filter((b) => b.kind === "goto")
        .map((b) => ({ handle: buttonHandle(b.id), label: b.label || "(no label)", required: true })),
    // Labels are rendered too (engine: buttonsKeyboard), so their variables are checked like the text.
    templates: (c) => [c.text, c.retryText, ...c.buttons.map((b) => b.label)],
    writesVariables: (c) => (c.saveAs ? [c.saveAs] : []),
  },
  free_input: {
    label: "Free input",
    description: "Asks a question and waits for a typed answer, validated, stored in a variable.",
    waitsForUser: true,
    configSchema: freeInputConfigSchema,
    defaults: (): FreeInputConfig => ({
      text: "",
      variable: "answer",
      validation: { kind: "any" },
      retryText: "That doesn't look right. Please try again.",
    }),
    outputs: nextOutput,
    templates: (c) => [c.text, c.retryText],
    writesVariables: (c) => [c.variable],
  },
};

/** Registry entry for a step, with the config type tied to the step's type. */
export function definitionOf<T extends StepType>(type: T): StepDefinition<T> {
  return stepRegistry[type] as StepDefinition<T>;
}

/*
 * Step-level accessors. TypeScript can't correlate `step.type` with `step.config` through the
 * mapped registry, so the one unavoidable cast lives here instead of at every call site.
 */
type AnyDefinition = StepDefinition<StepType> & {
  outputs: (c: Step["config"]) => OutputHandle[];
  templates: (c: Step["config"]) => string[];
  writesVariables: (c: Step["config"]) => string[];
};
const anyDefinition = (step: Pick<Step, "type">) => stepRegistry[step.type] as unknown as AnyDefinition;

export const stepOutputs = (step: Pick<Step, "type" | "config">) => anyDefinition(step).outputs(step.config);
export const stepTemplates = (step: Pick<Step, "type" | "config">) =>
  anyDefinition(step).templates(step.config);
export const stepWrites = (step: Pick<Step, "type" | "config">) =>
  anyDefinition(step).writesVariables(step.config);
