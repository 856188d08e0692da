import {
  type Edge,
  emptyFlowDocument,
  type FlowDocument,
  parseFlowDocument,
  STEP_TYPES,
  type Step,
  type StepType,
  stepOutputs,
  stepRegistry,
  stepSchema,
} from "@switchboard/flow";

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
  if (parsed.success) return parsed.data;
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
    config,
  } as Step;
}

function lenientEdge(raw: unknown): Edge | null {
  if (!isObject(raw)) return null;
  const { id, source, sourceHandle, target } = raw;
  if ([id, source, sourceHandle, target].every((v) => typeof v === "string" && v))
    return { id, source, sourceHandle, target } as Edge;
  return null;
}

export interface LoadedDraft {
  document: FlowDocument;
  /** Why the stored draft couldn't be read at all (then an empty draft is used). */
  error: string | null;
  /** Steps or connections that were unreadable and left out. */
  dropped: number;
}

export function loadDraft(raw: unknown): LoadedDraft {
  const { document, problems } = parseFlowDocument(raw);
  if (!document)
    return { document: emptyFlowDocument(), error: problems[0]?.message ?? "Unreadable flow.", dropped: 0 };
  const rawSteps = isObject(raw) && Array.isArray(raw.steps) ? raw.steps : [];
  const rawEdges = isObject(raw) && Array.isArray(raw.edges) ? raw.edges : [];
  const steps = rawSteps.map(lenientStep).filter((s): s is Step => s !== null);
  const edges = rawEdges.map(lenientEdge).filter((e): e is Edge => e !== null);
  const result: FlowDocument = { ...document, steps, edges };
  return {
    document: needsLayout(result) ? autoLayout(result) : result,
    error: null,
    dropped: rawSteps.length - steps.length + (rawEdges.length - edges.length),
  };
}

/** Every step stacked on one point (a hand-written or generated import) needs arranging. */
function needsLayout(doc: FlowDocument) {
  if (doc.steps.length < 2) return false;
  const first = doc.steps[0]!.position;
  return doc.steps.every((s) => s.position.x === first.x && s.position.y === first.y);
}

export const COLUMN_WIDTH = 340;
const ROW_GAP = 60;

function estimatedHeight(step: Step) {
  return 120 + stepOutputs(step).length * 26 + (step.type === "free_input" ? 20 : 0);
}

/** Layers steps left to right by distance from the start step (then aliases, then the rest). */
export function autoLayout(doc: FlowDocument): FlowDocument {
  const byId = new Map(doc.steps.map((s) => [s.id, s]));
  const out = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    const list = out.get(e.source) ?? [];
    list.push(e.target);
    out.set(e.source, list);
  }
  const depth = new Map<string, number>();
  const roots = [
    ...(doc.entryStepId && byId.has(doc.entryStepId) ? [doc.entryStepId] : []),
    ...doc.steps.filter((s) => s.aliases.length > 0).map((s) => s.id),
    ...doc.steps.map((s) => s.id),
  ];
  for (const root of roots) {
    if (depth.has(root)) continue;
    depth.set(root, 0);
    const queue = [root];
    while (queue.length) {
      const id = queue.shift()!;
      for (const t of out.get(id) ?? []) {
        if (depth.has(t)) continue;
        depth.set(t, depth.get(id)! + 1);
        queue.push(t);
      }
    }
  }
  const columns = new Map<number, Step[]>();
  for (const s of doc.steps) {
    const d = depth.get(s.id) ?? 0;
    const col = columns.get(d) ?? [];
    col.push(s);
    columns.set(d, col);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [d, col] of columns) {
    let y = 0;
    for (const s of col) {
      positions.set(s.id, { x: d * COLUMN_WIDTH, y });
      y += estimatedHeight(s) + ROW_GAP;
    }
  }
  return { ...doc, steps: doc.steps.map((s) => ({ ...s, position: positions.get(s.id) ?? s.position })) };
}
