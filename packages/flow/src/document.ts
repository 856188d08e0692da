import { z } from "zod";
import { type Audience, audienceSchema } from "./audience";
import { aliasSchema, idSchema, positionSchema } from "./steps/common";
import { STEP_DEFINITIONS, type StepConfigOf, type StepType } from "./steps/registry";

/** Fields every step has, whatever its type. */
const stepBase = {
  id: idSchema,
  title: z.string().max(120).default(""),
  position: positionSchema.default({ x: 0, y: 0 }),
  /** Keywords or commands ("/help", "Prices") that jump straight to this step from anywhere. */
  aliases: z.array(aliasSchema).max(20).default([]),
  /** Who the step is for; others continue at the `fallback` output. */
  audience: audienceSchema.optional(),
  /**
   * The marketer meant the conversation to end at this step: its unconnected outputs are not
   * reported (no "the conversation ends here" warning). Absent means false.
   */
  endsConversation: z.boolean().optional(),
};

interface StepBase {
  id: string;
  title: string;
  position: { x: number; y: number };
  aliases: string[];
  audience?: Audience | undefined;
  endsConversation?: boolean | undefined;
}

/** A step of any registered type, its config tied to its type. */
export type Step = { [T in StepType]: StepBase & { type: T; config: StepConfigOf<T> } }[StepType];
export type StepOf<T extends StepType> = Extract<Step, { type: T }>;

const stepObject = (d: (typeof STEP_DEFINITIONS)[number]) =>
  z.object({ ...stepBase, type: z.literal(d.type), config: d.configSchema as z.ZodType<unknown> });

/** The schema of one step: a union over the registered step types, derived from the registry. */
export const stepSchema = z.discriminatedUnion(
  "type",
  STEP_DEFINITIONS.map(stepObject) as unknown as [
    ReturnType<typeof stepObject>,
    ...ReturnType<typeof stepObject>[],
  ],
) as unknown as z.ZodType<Step>;

/** The most points an edge's drawn route may have (auto-arrange's routes have 2 to ~8). */
export const MAX_ROUTE_POINTS = 64;

/**
 * Where the builder draws an edge: the orthogonal route auto-arrange gave it (first point at the
 * output handle, last at the input, bends between), in canvas coordinates. Only a drawing hint:
 * the compiler and the engine never read it.
 */
export const edgeRouteSchema = z.array(positionSchema).min(2).max(MAX_ROUTE_POINTS);
export type EdgeRoute = z.infer<typeof edgeRouteSchema>;

/** A connection from one output handle of a step to another step. */
export const edgeSchema = z.object({
  id: idSchema.or(z.string().min(1).max(80)),
  source: idSchema,
  /** "next" for single-output steps, "button:<buttonId>" for buttons. See registry `outputs`. */
  sourceHandle: z.string().min(1).max(64),
  target: idSchema,
  /**
   * How the builder draws the edge, if auto-arrange routed it. A route that isn't valid is dropped
   * instead of failing the edge: a drawing hint must never cost the flow a connection.
   */
  route: edgeRouteSchema.optional().catch(undefined),
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
