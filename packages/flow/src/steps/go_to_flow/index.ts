import { z } from "zod";
import { problem } from "../../compiler/problems";
import { defineStep } from "../define-step";

export const goToFlowConfigSchema = z.object({
  /** The workspace flow to continue in (its live published version, resolved at run time). */
  flowId: z.string().max(64).default(""),
  /** The step of that flow to continue at; null: its start step. */
  stepId: z.string().max(64).nullable().default(null),
});
export type GoToFlowConfig = z.infer<typeof goToFlowConfigSchema>;

/**
 * Continues the conversation in another published flow of the workspace. The engine only asks for it
 * (`go_to_flow`); the core loads the target's live version, switches the conversation to it and runs
 * it from the chosen step in the same transaction.
 */
export const goToFlowStep = defineStep({
  type: "go_to_flow",
  label: "Go to flow",
  description: "Continues in another published flow, at its start or a chosen step.",
  waits: false,
  configSchema: goToFlowConfigSchema,
  defaults: (): GoToFlowConfig => ({ flowId: "", stepId: null }),
  outputs: () => [],
  templates: () => [],
  writesVariables: () => [],
  check: (step, env) => {
    const at = (message: string, path: string) => [
      problem("UNKNOWN_TARGET_FLOW", message, { stepId: step.id, path }),
    ];
    const { flowId, stepId } = step.config;
    if (!flowId) return at("Pick the flow to continue in.", "config.flowId");
    if (!env.flows) return []; // without the workspace (import, unit test): checked again at publish
    const target = env.flows.find((f) => f.id === flowId);
    if (!target) return at("The flow to continue in no longer exists; pick another.", "config.flowId");
    if (!target.published)
      return [
        problem(
          "TARGET_FLOW_NOT_PUBLISHED",
          `The flow "${target.name}" is not published yet: until it is, conversations that reach this step end here.`,
          { stepId: step.id, path: "config.flowId" },
        ),
      ];
    if (stepId && !target.steps.some((s) => s.id === stepId))
      return at(
        `The published flow "${target.name}" has no step "${stepId}"; pick another step.`,
        "config.stepId",
      );
    return [];
  },
  handler: {
    enter(step, io) {
      io.act({
        type: "go_to_flow",
        stepId: step.id,
        flowId: step.config.flowId,
        targetStepId: step.config.stepId,
      });
      return { wait: false, next: null };
    },
  },
});
