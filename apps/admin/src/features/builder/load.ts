import {
  type Edge,
  edgeRouteSchema,
  emptyFlowDocument,
  type FlowDocument,
  flowDocumentSchema,
  parseFlowDocument,
  STEP_TYPES,
  type Step,
  type StepType,
  stepRegistry,
  stepSchema,
} from "@switchboard/flow";
import { rememberParsedStep } from "./cached-compile";
import { autoLayout, needsLayout } from "./layout";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const sameKind = (a: unknown, b: unknown) =>
  Array.isArray(a) ? Array.isArray(b) : typeof a === typeof b && isObject(a) === isObject(b);

/**
 * Keeps a step the strict schema rejects (e.g. a variable name typed half-way) so that opening and
 * autosaving a draft never silently deletes it; the compiler still reports it until it is fixed.
 * Fields of the wrong shape fall back to the step type's defaults so the editors can't crash.
 */
function lenientStep(raw: unknown): Step | null {
  const parsed = stepSchema.safeParse(raw);
  if (parsed.success) {
    rememberParsedStep(parsed.data);
    return parsed.data;
  }
  if (!isObject(raw) || typeof raw.id !== "string" || !raw.id) return null;
  if (!STEP_TYPES.includes(raw.type as StepType)) return null;
  const type = raw.type as StepType;
  const defaults = stepRegistry[type].defaults() as Record<string, unknown>;
  const config: Record<string, unknown> = { ...defaults };
  if (isObject(raw.config))
    for (const [k, v] of Object.entries(raw.config)) {
      if (!(k in defaults) || sameKind(defaults[k], v)) config[k] = v;
    }
  if (type === "buttons" && Array.isArray(config.buttons))
    config.buttons = (config.buttons as unknown[]).filter(
      (b) => isObject(b) && typeof b.id === "string" && typeof b.label === "string",
    );
  const position =
    isObject(raw.position) && Number.isFinite(raw.position.x) && Number.isFinite(raw.position.y)
      ? { x: raw.position.x as number, y: raw.position.y as number }
      : { x: 0, y: 0 };
  return {
    id: raw.id.slice(0, 64),
    type,
    title: typeof raw.title === "string" ? raw.title : "",
    position,
    aliases: Array.isArray(raw.aliases) ? raw.aliases.filter((a): a is string => typeof a === "string") : [],
    ...(raw.endsConversation === true && { endsConversation: true }),
    config,
  } as Step;
}

function lenientEdge(raw: unknown): Edge | null {
  if (!isObject(raw)) return null;
  const { id, source, sourceHandle, target } = raw;
  if (![id, source, sourceHandle, target].every((v) => typeof v === "string" && v)) return null;
  // The route auto-arrange drew it along, so a reload draws it the same; a broken one is left out.
  const route = edgeRouteSchema.safeParse(raw.route);
  return { id, source, sourceHandle, target, ...(route.success && { route: route.data }) } as Edge;
}

export interface LoadedDraft {
  document: FlowDocument;
  /** Why the stored draft couldn't be read at all (then an empty draft is used). */
  error: string | null;
  /** Steps or connections that were unreadable and left out. */
  dropped: number;
}

export function loadDraft(raw: unknown): LoadedDraft {
  // Only the document's frame here: each step is parsed once, by lenientStep (parseFlowDocument
  // would parse all of them a second time).
  const top = flowDocumentSchema.safeParse(raw);
  if (!top.success) {
    const { problems } = parseFlowDocument(raw);
    return { document: emptyFlowDocument(), error: problems[0]?.message ?? "Unreadable flow.", dropped: 0 };
  }
  const { format, version, entryStepId } = top.data;
  const rawSteps = top.data.steps;
  const rawEdges = top.data.edges;
  const steps = rawSteps.map(lenientStep).filter((s): s is Step => s !== null);
  const edges = rawEdges.map(lenientEdge).filter((e): e is Edge => e !== null);
  const result: FlowDocument = { format, version, entryStepId, steps, edges };
  return {
    document: needsLayout(result) ? autoLayout(result) : result,
    error: null,
    dropped: rawSteps.length - steps.length + (rawEdges.length - edges.length),
  };
}
