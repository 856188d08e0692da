import { z } from "zod";
import { checkMessage } from "../../compiler/check-helpers";
import { mediaSchema, messageTextSchema } from "../common";
import { defineStep, NEXT_HANDLE, nextOutput } from "../define-step";

export const textConfigSchema = z.object({
  text: messageTextSchema,
  media: mediaSchema.optional(),
});
export type TextConfig = z.infer<typeof textConfigSchema>;

/** Sends a message (and media) and goes straight on. */
export const textStep = defineStep({
  type: "text",
  label: "Text",
  description: "Sends a message and goes straight on to the next step.",
  waits: false,
  configSchema: textConfigSchema,
  defaults: (): TextConfig => ({ text: "" }),
  outputs: () => nextOutput(),
  templates: (c) => [c.text],
  writesVariables: () => [],
  check: (step) => checkMessage(step, "This Text step"),
  handler: {
    enter(step, io) {
      io.send(io.renderMessage(step.config.text), { media: step.config.media });
      return { wait: false, next: step.outputs[NEXT_HANDLE] ?? null, output: NEXT_HANDLE };
    },
  },
});
