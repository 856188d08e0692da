import type { StepOf } from "../document";
import type { StepType } from "../step-types";
import { compilePattern } from "../validate-answer";
import { type Problem, problem } from "./problems";

type StepCheck<T extends StepType> = (step: StepOf<T>) => Problem[];

const TELEGRAM_TEXT_LIMIT = 4096;

function checkMessageText(step: { id: string; config: { text: string } }, what: string): Problem[] {
  const text = step.config.text;
  if (text.trim() === "")
    return [problem("EMPTY_TEXT", `${what} has no text.`, { stepId: step.id, path: "config.text" })];
  if (text.length > TELEGRAM_TEXT_LIMIT)
    return [
      problem(
        "TEXT_WILL_BE_SPLIT",
        `The text is ${text.length} characters; Telegram allows ${TELEGRAM_TEXT_LIMIT}, so it will be sent as several messages.`,
        { stepId: step.id, path: "config.text" },
      ),
    ];
  return [];
}

function isAllowedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" || u.protocol === "tg:";
  } catch {
    return false;
  }
}

/** Type-specific checks; one entry per step type so a new type can't be forgotten. */
export const stepChecks: { [T in StepType]: StepCheck<T> } = {
  text: (step) => checkMessageText(step, "This Text step"),
  buttons: (step) => {
    const out = checkMessageText(step, "The question");
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
  free_input: (step) => {
    const out = checkMessageText(step, "The question");
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
};
