import type { CompiledStep } from "../compiler/compiled";
import { buttonHandle, NEXT_HANDLE } from "../registry";
import type { StepType } from "../step-types";
import { validateAnswer } from "../validate-answer";
import { encodeCallbackData } from "./callback-data";
import type { InlineButton, Keyboard } from "./types";

type CompiledStepOf<T extends StepType> = Extract<CompiledStep, { type: T }>;

/** What a handler may do; the engine turns these calls into actions, events and state. */
export interface StepIO {
  render(template: string): string;
  send(text: string, keyboard?: Keyboard): void;
  setVar(name: string, value: string): void;
  rejected(): void;
}

/** A user's answer to a waiting step. */
export type UserInput =
  | { kind: "text"; text: string }
  | { kind: "button"; buttonId: string }
  | { kind: "contact"; phone: string };

/** go: move along (target null ends the conversation); stay: keep waiting at this step. */
export type Transition = { go: string | null } | { stay: true };

export interface StepHandler<T extends StepType> {
  /** Runs when the conversation reaches the step. */
  enter(step: CompiledStepOf<T>, io: StepIO): { wait: true } | { wait: false; next: string | null };
  /** Runs for input while the step waits; only waiting steps need it. */
  receive?(step: CompiledStepOf<T>, input: UserInput, io: StepIO): Transition;
}

const next = (step: { outputs: Record<string, string | null> }) => step.outputs[NEXT_HANDLE] ?? null;

function chunk<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

function buttonsKeyboard(step: CompiledStepOf<"buttons">, io: StepIO): Keyboard {
  const { buttons, columns, keyboard } = step.config;
  if (keyboard === "reply")
    return {
      kind: "reply",
      rows: chunk(
        buttons.map((b) => io.render(b.label)),
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

/** One handler per step type: a missing one fails to compile. */
export const stepHandlers: { [T in StepType]: StepHandler<T> } = {
  text: {
    enter(step, io) {
      io.send(io.render(step.config.text));
      return { wait: false, next: next(step) };
    },
  },
  buttons: {
    enter(step, io) {
      io.send(io.render(step.config.text), buttonsKeyboard(step, io));
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
          io.send(io.render(step.config.retryText), keyboard);
        }
        return { stay: true };
      }
      if (step.config.saveAs) io.setVar(step.config.saveAs, io.render(button.label));
      return { go: step.outputs[buttonHandle(button.id)] ?? null };
    },
  },
  free_input: {
    enter(step, io) {
      io.send(io.render(step.config.text));
      return { wait: true };
    },
    receive(step, input, io) {
      const raw = input.kind === "text" ? input.text : input.kind === "contact" ? input.phone : null;
      const check = raw === null ? { ok: false as const } : validateAnswer(raw, step.config.validation);
      if (!check.ok) {
        io.rejected();
        io.send(io.render(step.config.retryText));
        return { stay: true };
      }
      io.setVar(step.config.variable, check.value);
      return { go: next(step) };
    },
  },
};
