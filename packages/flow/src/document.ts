import { z } from "zod";
import { buttonsConfigSchema } from "./steps/buttons";
import { aliasSchema, idSchema, positionSchema } from "./steps/common";
import { freeInputConfigSchema } from "./steps/free-input";
import { textConfigSchema } from "./steps/text";

/** Fields every step has, whatever its type. */
const stepBase = {
  id: idSchema,
  title: z.string().max(120).default(""),
  position: positionSchema.default({ x: 0, y: 0 }),
  /** Keywords or commands ("/help", "Prices") that jump straight to this step from anywhere. */
  aliases: z.array(aliasSchema).max(20).default([]),
};

export const stepSchema = z.discriminatedUnion("type", [
  z.object({ ...stepBase, type: z.literal("text"), config: textConfigSchema }),
  z.object({ ...stepBase, type: z.literal("buttons"), config: buttonsConfigSchema }),
  z.object({ ...stepBase, type: z.literal("free_input"), config: freeInputConfigSchema }),
]);
export type Step = z.infer<typeof stepSchema>;
export type StepOf<T extends Step["type"]> = Extract<Step, { type: T }>;

/** A connection from one output handle of a step to another step. */
export const edgeSchema = z.object({
  id: idSchema.or(z.string().min(1).max(80)),
  source: idSchema,
  /** "next" for single-output steps, "button:<buttonId>" for buttons. See registry `outputs`. */
  sourceHandle: z.string().min(1).max(64),
  target: idSchema,
});
export type Edge = z.infer<typeof edgeSchema>;

export const FLOW_FORMAT_VERSION = 1 as const;

/** The draft a marketer edits and the JSON that import/export speaks. */
export const flowDocumentSchema = z.object({
  format: z.literal("switchboard.flow").default("switchboard.flow"),
  version: z.literal(FLOW_FORMAT_VERSION).default(FLOW_FORMAT_VERSION),
  /** Where a new conversation (and a bare /start) begins. */
  entryStepId: idSchema.nullable().default(null),
  steps: z.array(z.unknown()).max(2000),
  edges: z.array(z.unknown()).max(10_000).default([]),
});

/**
 * Steps and edges are parsed one by one (see parseFlowDocument) so that one broken step
 * is reported against its id instead of rejecting the whole document.
 */
export interface FlowDocument {
  format: "switchboard.flow";
  version: typeof FLOW_FORMAT_VERSION;
  entryStepId: string | null;
  steps: Step[];
  edges: Edge[];
}

export function emptyFlowDocument(): FlowDocument {
  return {
    format: "switchboard.flow",
    version: FLOW_FORMAT_VERSION,
    entryStepId: null,
    steps: [],
    edges: [],
  };
}
