import { z } from "zod";
import { checkMessage } from "../../compiler/check-helpers";
import { problem } from "../../compiler/problems";
import { compilePattern, VALIDATION_KINDS, validateAnswer } from "../../validate-answer";
import { durationSchema, mediaSchema, messageTextSchema, variableNameSchema } from "../common";
import { defineStep, NEXT_HANDLE, nextOutput, timeoutOutputs } from "../define-step";

export const validationSchema = z.object({
  kind: z.enum(VALIDATION_KINDS).default("any"),
  /** Only for kind "regex": a regular expression (RE2 syntax), matched against the whole answer. */
  pattern: z.string().max(500).optional(),
  /** For "text": length bounds; for "number": value bounds. */
  min: z.number().optional(),
  max: z.number().optional(),
});

export const freeInputConfigSchema = z.object({
  text: messageTextSchema,
  media: mediaSchema.optional(),
  /** The answer is stored as `vars.<variable>`. */
  variable: variableNameSchema,
  validation: validationSchema.default({ kind: "any" }),
  retryText: messageTextSchema.default("That doesn't look right. Please try again."),
  /** No answer within this long: the `timeout` output. */
  timeout: durationSchema.optional(),
});
export type FreeInputConfig = z.infer<typeof freeInputConfigSchema>;

/** A question that waits for a typed answer, validated and stored in a variable. */
export const freeInputStep = defineStep({
  type: "free_input",
  label: "Free input",
  description: "Asks a question and waits for a typed answer, validated, stored in a variable.",
  waits: true,
  configSchema: freeInputConfigSchema,
  defaults: (): FreeInputConfig => ({
    text: "",
    variable: "answer",
    validation: { kind: "any" },
    retryText: "That doesn't look right. Please try again.",
  }),
  outputs: (c) => [...nextOutput(), ...timeoutOutputs(c.timeout)],
  templates: (c) => [c.text, c.retryText],
  writesVariables: (c) => [c.variable],
  check: (step) => {
    const out = checkMessage(step, "The question");
    const v = step.config.validation;
    if (v.kind === "regex" && (!v.pattern || compilePattern(v.pattern) === null))
      out.push(
        problem(
          "INVALID_PATTERN",
          v.pattern
            ? `The pattern "${v.pattern}" is not a valid RE2 regular expression. RE2 syntax is used: backreferences (\\1) and lookarounds ((?=…), (?!…), (?<=…), (?<!…)) are not supported, and very large repeat counts are rejected as too complex.`
            : "A regex validation needs a pattern.",
          { stepId: step.id, path: "config.validation.pattern" },
        ),
      );
    return out;
  },
  handler: {
    enter(step, io) {
      io.send(io.renderMessage(step.config.text), { media: step.config.media });
      return { wait: true };
    },
    receive(step, input, io) {
      const raw = input.kind === "text" ? input.text : input.kind === "contact" ? input.phone : null;
      const check = raw === null ? { ok: false as const } : validateAnswer(raw, step.config.validation);
      if (!check.ok) {
        io.rejected();
        io.send(io.renderMessage(step.config.retryText));
        return { stay: true };
      }
      io.setVar(step.config.variable, check.value);
      return { go: step.outputs[NEXT_HANDLE] ?? null, output: NEXT_HANDLE };
    },
  },
});
