import { z } from "zod";
import { checkMessage, isAllowedUrl } from "../../compiler/check-helpers";
import { problem } from "../../compiler/problems";
import { encodeCallbackData } from "../../engine/callback-data";
import type { SliceStep, StepIO } from "../../engine/step-io";
import type { InlineButton, Keyboard } from "../../engine/types";
import { durationSchema, idSchema, mediaSchema, messageTextSchema, variableNameSchema } from "../common";
import { buttonHandle, defineStep, timeoutOutputs } from "../define-step";

export const buttonSchema = z.discriminatedUnion("kind", [
  z.object({ id: idSchema, kind: z.literal("goto"), label: z.string().max(128) }),
  z.object({ id: idSchema, kind: z.literal("url"), label: z.string().max(128), url: z.string().max(2048) }),
]);
export type Button = z.infer<typeof buttonSchema>;

export const buttonsConfigSchema = z.object({
  text: messageTextSchema,
  media: mediaSchema.optional(),
  /** inline: buttons under the message; reply: buttons replace the user's keyboard. */
  keyboard: z.enum(["inline", "reply"]).default("inline"),
  buttons: z.array(buttonSchema).max(100),
  /** Buttons per row. */
  columns: z.number().int().min(1).max(8).default(1),
  /** Optional variable that receives the chosen button's label. */
  saveAs: variableNameSchema.optional(),
  /** Sent when the user types something that is neither a button nor an alias. Empty = ignore silently. */
  retryText: messageTextSchema.default("Please choose one of the options."),
  /** No answer within this long: the `timeout` output. */
  timeout: durationSchema.optional(),
});
export type ButtonsConfig = z.infer<typeof buttonsConfigSchema>;

function chunk<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

function buttonsKeyboard(step: SliceStep<ButtonsConfig>, io: StepIO): Keyboard {
  const { buttons, columns, keyboard } = step.config;
  if (keyboard === "reply")
    return {
      kind: "reply",
      rows: chunk(
        buttons.map((b) => ({ label: io.render(b.label) })),
        columns,
      ),
    };
  const inline: InlineButton[] = buttons.map((b) =>
    b.kind === "url"
      ? { label: io.render(b.label), url: b.url }
      : { label: io.render(b.label), callbackData: encodeCallbackData(step.id, b.id) },
  );
  return { kind: "inline", rows: chunk(inline, columns) };
}

const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A question with answer buttons; each goto button leads to its own step. */
export const buttonsStep = defineStep({
  type: "buttons",
  label: "Buttons",
  description: "Asks a question with answer buttons; each button leads to its own step.",
  waits: true,
  configSchema: buttonsConfigSchema,
  defaults: (): ButtonsConfig => ({
    text: "",
    keyboard: "inline",
    buttons: [],
    columns: 1,
    retryText: "Please choose one of the options.",
  }),
  outputs: (c) => [
    ...c.buttons
      .filter((b) => b.kind === "goto")
      .map((b) => ({ handle: buttonHandle(b.id), label: b.label || "(no label)", required: true })),
    ...timeoutOutputs(c.timeout),
  ],
  // Labels are rendered too (buttonsKeyboard), so their variables are checked like the text.
  templates: (c) => [c.text, c.retryText, ...c.buttons.map((b) => b.label)],
  writesVariables: (c) => (c.saveAs ? [c.saveAs] : []),
  check: (step) => {
    const out = checkMessage(step, "The question");
    const { buttons } = step.config;
    if (buttons.length === 0)
      out.push(problem("NO_BUTTONS", "Add at least one button.", { stepId: step.id }));
    const seen = new Set<string>();
    buttons.forEach((b, i) => {
      const path = `config.buttons.${i}`;
      if (b.label.trim() === "")
        out.push(problem("EMPTY_BUTTON_LABEL", `Button ${i + 1} has no label.`, { stepId: step.id, path }));
      if (seen.has(b.id))
        out.push(
          problem("DUPLICATE_BUTTON_ID", `Two buttons share the id "${b.id}".`, { stepId: step.id, path }),
        );
      seen.add(b.id);
      if (b.kind === "url" && !isAllowedUrl(b.url))
        out.push(
          problem("INVALID_URL", `Button "${b.label}" needs a full http(s) link, got "${b.url}".`, {
            stepId: step.id,
            path: `${path}.url`,
          }),
        );
      if (b.kind === "url" && step.config.keyboard === "reply")
        out.push(
          problem("INVALID_URL", `Button "${b.label}": link buttons only work on inline keyboards.`, {
            stepId: step.id,
            path,
          }),
        );
    });
    return out;
  },
  handler: {
    enter(step, io) {
      io.send(io.renderMessage(step.config.text), {
        keyboard: buttonsKeyboard(step, io),
        media: step.config.media,
      });
      return { wait: true };
    },
    receive(step, input, io) {
      const button =
        input.kind === "button"
          ? step.config.buttons.find((b) => b.id === input.buttonId)
          : input.kind === "text"
            ? step.config.buttons.find((b) => b.kind === "goto" && sameLabel(io.render(b.label), input.text))
            : undefined;
      if (button?.kind !== "goto") {
        io.rejected();
        if (step.config.retryText.trim()) {
          const keyboard = step.config.keyboard === "reply" ? buttonsKeyboard(step, io) : undefined;
          io.send(io.renderMessage(step.config.retryText), { keyboard });
        }
        return { stay: true };
      }
      if (step.config.saveAs) io.setVar(step.config.saveAs, io.render(button.label));
      return { go: step.outputs[buttonHandle(button.id)] ?? null, output: buttonHandle(button.id) };
    },
  },
});

/** Whether a callback for `buttonId` can be pressed on this step (a goto button that still exists). */
export const isPressableButton = (config: ButtonsConfig, buttonId: string) =>
  config.buttons.some((b) => b.id === buttonId && b.kind === "goto");
