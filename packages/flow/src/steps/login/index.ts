import { z } from "zod";
import { checkMessage } from "../../compiler/check-helpers";
import { problem } from "../../compiler/problems";
import { durationMs, durationSchema, mediaSchema, messageTextSchema } from "../common";
import { defineStep } from "../define-step";

export const SUCCESS_HANDLE = "success";
export const FAILURE_HANDLE = "failure";

export const loginConfigSchema = z.object({
  text: messageTextSchema,
  media: mediaSchema.optional(),
  buttonLabel: z.string().max(64).default("🔐 Log in"),
  successText: messageTextSchema.default("You're logged in ✅"),
  failureText: messageTextSchema.default("We couldn't log you in."),
  /** Not logged in within this long: failure. */
  timeout: durationSchema.default({ amount: 15, unit: "minutes" }),
});
export type LoginConfig = z.infer<typeof loginConfigSchema>;

/**
 * Links the Telegram user to a workspace member account. The button opens the admin, where the
 * member signs in (Telegram's login_url when the bot's domain is set up, else a one-time link the core
 * mints for `start_login`); the web side answers with `login_result`.
 */
export const loginStep = defineStep({
  type: "login",
  label: "Login",
  description: "Links the Telegram user to a member account, so later steps can require it.",
  waits: true,
  configSchema: loginConfigSchema,
  defaults: (): LoginConfig => ({
    text: "Log in with your account to continue.",
    buttonLabel: "🔐 Log in",
    successText: "You're logged in ✅",
    failureText: "We couldn't log you in.",
    timeout: { amount: 15, unit: "minutes" },
  }),
  outputs: () => [
    { handle: SUCCESS_HANDLE, label: "Logged in", required: false },
    { handle: FAILURE_HANDLE, label: "Failed or timed out", required: false },
  ],
  templates: (c) => [c.text, c.buttonLabel, c.successText, c.failureText],
  writesVariables: () => [],
  check: (step) => {
    const out = checkMessage(step, "The login message");
    if (step.config.buttonLabel.trim() === "")
      out.push(
        problem("EMPTY_BUTTON_LABEL", "The login button has no label.", {
          stepId: step.id,
          path: "config.buttonLabel",
        }),
      );
    return out;
  },
  handler: {
    enter(step, io) {
      const loginId = io.newId();
      io.act({ type: "start_login", stepId: step.id, loginId });
      io.send(io.renderMessage(step.config.text), {
        keyboard: { kind: "inline", rows: [[{ label: io.render(step.config.buttonLabel), loginId }]] },
        media: step.config.media,
      });
      io.startTimer(loginId, durationMs(step.config.timeout));
      io.waitFor("login", loginId);
      return { wait: true };
    },
    resume(step, signal, io) {
      const ok = signal.kind === "login_result" ? signal.ok : signal.kind === "timer" ? false : null;
      if (ok === null) return null;
      const text = ok ? step.config.successText : step.config.failureText;
      if (text.trim()) io.send(io.renderMessage(text));
      return {
        go: step.outputs[ok ? SUCCESS_HANDLE : FAILURE_HANDLE] ?? null,
        output: ok ? SUCCESS_HANDLE : FAILURE_HANDLE,
      };
    },
  },
});
