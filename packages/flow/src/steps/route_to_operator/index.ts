import { z } from "zod";
import { checkMedia } from "../../compiler/check-helpers";
import { mediaSchema, messageTextSchema } from "../common";
import { defineStep } from "../define-step";

export const NO_OPERATOR_HANDLE = "no_operator";
export const RETURNED_HANDLE = "returned";

export const routeToOperatorConfigSchema = z.object({
  /** Sent while the conversation waits for an operator ("Connecting you with a person…"); may be empty. */
  text: messageTextSchema.default(""),
  media: mediaSchema.optional(),
});
export type RouteToOperatorConfig = z.infer<typeof routeToOperatorConfigSchema>;

/**
 * Hands the conversation to a human: status `operator`, a place in the bot's queue. The operator
 * side of the conversation (joined, closed, /end) is the engine's (engine/operator-chat.ts); this step
 * decides where the flow goes when nobody takes it (`no_operator`) or an operator hands it back
 * (`returned`).
 */
export const routeToOperatorStep = defineStep({
  type: "route_to_operator",
  label: "Route to operator",
  description: "Hands the conversation to a human operator in the inbox.",
  waits: true,
  configSchema: routeToOperatorConfigSchema,
  defaults: (): RouteToOperatorConfig => ({ text: "Connecting you with a person — one moment, please." }),
  outputs: () => [
    { handle: NO_OPERATOR_HANDLE, label: "No operator", required: false },
    { handle: RETURNED_HANDLE, label: "Returned to bot", required: false },
  ],
  templates: (c) => [c.text],
  writesVariables: () => [],
  check: (step) => (step.config.media ? checkMedia(step.id, step.config.media) : []),
  handler: {
    enter(step, io) {
      if (step.config.text.trim() || step.config.media)
        io.send(io.renderMessage(step.config.text), { media: step.config.media });
      io.setStatus("operator");
      io.act({ type: "route_to_operator", stepId: step.id });
      const id = io.newId();
      const maxWait = io.settings.operator.maxWaitMinutes;
      if (maxWait > 0) io.startTimer(id, maxWait * 60_000);
      io.waitFor("operator", id);
      return { wait: true };
    },
    resume(step, signal, io) {
      switch (signal.kind) {
        case "operator_unavailable":
          io.setStatus("bot");
          io.send(io.render(io.settings.operator.texts.noOperator));
          return { go: step.outputs[NO_OPERATOR_HANDLE] ?? null, output: NO_OPERATOR_HANDLE };
        case "timer":
          // Waited the bot's maximum time and nobody took it: leave the queue.
          io.act({ type: "release_operator", reason: "timeout" });
          io.setStatus("bot");
          io.send(io.render(io.settings.operator.texts.afterMaxWait));
          return { go: step.outputs[NO_OPERATOR_HANDLE] ?? null, output: NO_OPERATOR_HANDLE };
        case "operator_returned":
          io.setStatus("bot");
          // A step the operator chose is a jump, not the "returned" output.
          if (signal.targetStepId) return { go: signal.targetStepId, output: null };
          return { go: step.outputs[RETURNED_HANDLE] ?? null, output: RETURNED_HANDLE };
        default:
          return null;
      }
    },
  },
});
