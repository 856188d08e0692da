import { z } from "zod";
import { checkFieldRef, checkMessage } from "../../compiler/check-helpers";
import { customFieldOf } from "../../compiler/environment";
import { problem } from "../../compiler/problems";
import {
  type BuiltinContactField,
  type CustomFieldDefinition,
  type FieldRef,
  fieldRefSchema,
  normalizePhone,
} from "../../contact-fields";
import type { SliceStep, StepIO, UserInput } from "../../engine/step-io";
import type { Keyboard } from "../../engine/types";
import { validateAnswer } from "../../validate-answer";
import { durationSchema, mediaSchema, messageTextSchema, tagListSchema, variableNameSchema } from "../common";
import { defineStep, NEXT_HANDLE, nextOutput, timeoutOutputs } from "../define-step";

export const updateContactConfigSchema = z.object({
  /** The question. */
  text: messageTextSchema,
  media: mediaSchema.optional(),
  field: fieldRefSchema.default({ kind: "contact", key: "phone" }),
  /** The reply-keyboard button that shares the user's own number (phone only). */
  shareButtonLabel: z.string().max(64).default("📱 Share my phone number"),
  retryText: messageTextSchema.default("That doesn't look right. Please try again."),
  /** Sent after saving; empty: nothing. */
  confirmText: messageTextSchema.default(""),
  addTags: tagListSchema.default([]),
  removeTags: tagListSchema.default([]),
  /** Optionally also keep the answer in `vars.<saveAs>`. */
  saveAs: variableNameSchema.optional(),
  timeout: durationSchema.optional(),
});
export type UpdateContactConfig = z.infer<typeof updateContactConfigSchema>;

/** How the answer for a field is asked and checked. */
type FieldInput =
  | { kind: "phone" }
  | { kind: "choice"; options: string[] }
  | { kind: "validated"; validation: Parameters<typeof validateAnswer>[1] };

const BUILTIN_INPUT: Record<BuiltinContactField, FieldInput> = {
  first_name: { kind: "validated", validation: { kind: "text", min: 1, max: 128 } },
  last_name: { kind: "validated", validation: { kind: "text", min: 1, max: 128 } },
  city: { kind: "validated", validation: { kind: "text", min: 1, max: 128 } },
  language: { kind: "validated", validation: { kind: "text", min: 2, max: 35 } },
  email: { kind: "validated", validation: { kind: "email" } },
  phone: { kind: "phone" },
};

function customInput(definition: CustomFieldDefinition | undefined): FieldInput {
  switch (definition?.type) {
    case "number":
      return { kind: "validated", validation: { kind: "number" } };
    case "date":
      return { kind: "validated", validation: { kind: "date" } };
    case "choice":
      return { kind: "choice", options: definition.options };
    default:
      return { kind: "validated", validation: { kind: "text", min: 1, max: 500 } };
  }
}

const inputFor = (field: FieldRef, io: StepIO): FieldInput =>
  field.kind === "contact" ? BUILTIN_INPUT[field.key] : customInput(io.customField(field.key));

function keyboardFor(
  step: SliceStep<UpdateContactConfig>,
  input: FieldInput,
  io: StepIO,
): Keyboard | undefined {
  if (input.kind === "phone")
    return {
      kind: "reply",
      rows: [[{ label: io.render(step.config.shareButtonLabel) || "📱 Share", requestContact: true }]],
    };
  if (input.kind === "choice" && input.options.length) {
    const rows: { label: string }[][] = [];
    for (let i = 0; i < input.options.length; i += 2)
      rows.push(input.options.slice(i, i + 2).map((label) => ({ label })));
    return { kind: "reply", rows };
  }
  return undefined;
}

/** The value to save for this answer, or null when it is not acceptable. */
function acceptedValue(input: FieldInput, answer: UserInput): string | null {
  if (answer.kind === "contact") {
    // Only the user's own number (the share button) counts; a forwarded card is somebody else's.
    if (input.kind !== "phone" || !answer.own) return null;
    return normalizePhone(answer.phone, "telegram");
  }
  if (answer.kind !== "text") return null;
  switch (input.kind) {
    case "phone":
      return normalizePhone(answer.text);
    case "choice":
      return input.options.find((o) => o.trim().toLowerCase() === answer.text.trim().toLowerCase()) ?? null;
    case "validated": {
      const check = validateAnswer(answer.text, input.validation);
      return check.ok ? check.value : null;
    }
  }
}

/** Asks for one contact field and saves it on the contact (merging by phone), with tags. */
export const updateContactStep = defineStep({
  type: "update_contact",
  label: "Update contact",
  description: "Asks for a contact field (phone, email, a custom field…) and saves it on the contact.",
  waits: true,
  configSchema: updateContactConfigSchema,
  defaults: (): UpdateContactConfig => ({
    text: "Please share your phone number.",
    field: { kind: "contact", key: "phone" },
    shareButtonLabel: "📱 Share my phone number",
    retryText: "That doesn't look right. Please try again.",
    confirmText: "",
    addTags: [],
    removeTags: [],
  }),
  outputs: (c) => [...nextOutput(), ...timeoutOutputs(c.timeout)],
  templates: (c) => [c.text, c.retryText, c.confirmText, c.shareButtonLabel],
  writesVariables: (c) => (c.saveAs ? [c.saveAs] : []),
  check: (step, env) => {
    const out = checkMessage(step, "The question");
    const { field } = step.config;
    out.push(...checkFieldRef(env, field, step.id, "config.field"));
    const definition = field.kind === "custom" ? customFieldOf(env, field.key) : undefined;
    if (definition?.type === "choice" && definition.options.length === 0)
      out.push(
        problem(
          "FIELD_HAS_NO_OPTIONS",
          `The choice field "${definition.label}" has no options to show. Add them in Settings → Contact fields.`,
          { stepId: step.id, path: "config.field" },
        ),
      );
    if (field.kind === "contact" && field.key === "phone" && step.config.shareButtonLabel.trim() === "")
      out.push(
        problem("EMPTY_BUTTON_LABEL", "The share-my-number button has no label.", {
          stepId: step.id,
          path: "config.shareButtonLabel",
        }),
      );
    return out;
  },
  handler: {
    enter(step, io) {
      const keyboard = keyboardFor(step, inputFor(step.config.field, io), io);
      io.send(io.renderMessage(step.config.text), { keyboard, media: step.config.media });
      return { wait: true };
    },
    receive(step, answer, io) {
      const { config } = step;
      const input = inputFor(config.field, io);
      const value = acceptedValue(input, answer);
      if (value === null) {
        io.rejected();
        io.send(io.renderMessage(config.retryText), { keyboard: keyboardFor(step, input, io) });
        return { stay: true };
      }
      io.act({
        type: "update_contact",
        stepId: step.id,
        set: config.field.kind === "contact" ? { [config.field.key]: value } : {},
        fields: config.field.kind === "custom" ? { [config.field.key]: value } : {},
        addTags: config.addTags,
        removeTags: config.removeTags,
      });
      if (config.saveAs) io.setVar(config.saveAs, value);
      if (config.confirmText.trim()) io.send(io.renderMessage(config.confirmText));
      return { go: step.outputs[NEXT_HANDLE] ?? null, output: NEXT_HANDLE };
    },
  },
});
