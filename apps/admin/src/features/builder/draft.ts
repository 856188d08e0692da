import {
  type Edge,
  type EdgeRoute,
  type FlowDocument,
  type Step,
  type StepType,
  stepOutputs,
  stepRegistry,
  stepWrites,
} from "@switchboard/flow";
import { newEdgeId } from "@/lib/ids";

/** `audience: undefined` removes the step's audience filter. */
export type StepPatch = Partial<Pick<Step, "title" | "aliases" | "config" | "audience" | "endsConversation">>;

export type DraftAction =
  | { type: "replace"; document: FlowDocument }
  | { type: "add_step"; id: string; stepType: StepType; position: { x: number; y: number } }
  | { type: "update_step"; id: string; patch: StepPatch }
  /**
   * Sets some config keys on the step as it is when the action runs (an `undefined` value removes the
   * key): for changes that arrive later, like a finished upload, without undoing edits made meanwhile.
   */
  | { type: "merge_config"; id: string; values: Record<string, unknown> }
  | { type: "set_entry"; id: string | null }
  | { type: "remove"; stepIds?: string[]; edgeIds?: string[] }
  | { type: "connect"; source: string; sourceHandle: string; target: string }
  | { type: "move"; positions: Record<string, { x: number; y: number }> }
  /**
   * Auto-arrange: steps move and every edge is drawn along its route in `routes` (by edge id), or the
   * usual way if it has none there — one undo step.
   */
  | {
      type: "arrange";
      positions: Record<string, { x: number; y: number }>;
      routes: Record<string, EdgeRoute>;
    }
  | { type: "duplicate_step"; id: string; newId: string };

export function newStep(id: string, type: StepType, position: { x: number; y: number }): Step {
  return {
    id,
    type,
    title: "",
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    aliases: [],
    config: stepRegistry[type].defaults(),
  } as Step;
}

/** Edges whose output handle no longer exists on their step (a removed button) are dropped. */
function pruneEdgesOf(step: Step, edges: Edge[]): Edge[] {
  const handles = new Set(stepOutputs(step).map((o) => o.handle));
  const next = edges.filter((e) => e.source !== step.id || handles.has(e.sourceHandle));
  return next.length === edges.length ? edges : next;
}

/** Only the config and the audience filter (its `fallback`) decide a step's outputs. */
const outputsMayChange = (patch: StepPatch) => "config" in patch || "audience" in patch;

function withPatch(step: Step, patch: StepPatch): Step {
  const next = { ...step, ...patch } as Step;
  if (next.audience === undefined) delete next.audience;
  // Unmarked is the absence of the flag, so unmarking gives back the document as it was.
  if (!next.endsConversation) delete next.endsConversation;
  return next;
}

function withConfigValues(step: Step, values: Record<string, unknown>): Step {
  const config: Record<string, unknown> = { ...step.config };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete config[key];
    else config[key] = value;
  }
  return { ...step, config } as Step;
}

function updateStep(
  doc: FlowDocument,
  id: string,
  change: (step: Step) => Step,
  pruneEdges: boolean,
): FlowDocument {
  let edges = doc.edges;
  let changed = false;
  const steps = doc.steps.map((s) => {
    if (s.id !== id) return s;
    changed = true;
    const next = change(s);
    if (pruneEdges) edges = pruneEdgesOf(next, edges);
    return next;
  });
  return changed ? { ...doc, steps, edges } : doc;
}

export function draftReducer(doc: FlowDocument, action: DraftAction): FlowDocument {
  switch (action.type) {
    case "replace":
      return action.document;
    case "add_step": {
      const step = newStep(action.id, action.stepType, action.position);
      return {
        ...doc,
        steps: [...doc.steps, step],
        // The first step of an empty flow is where conversations start.
        entryStepId: doc.entryStepId ?? (doc.steps.length === 0 ? step.id : null),
      };
    }
    case "duplicate_step": {
      const source = doc.steps.find((s) => s.id === action.id);
      if (!source) return doc;
      const copy = structuredClone(source);
      copy.id = action.newId;
      copy.aliases = [];
      copy.position = { x: source.position.x + 40, y: source.position.y + 40 };
      copy.title = source.title ? `${source.title} (copy)`.slice(0, 120) : "";
      return { ...doc, steps: [...doc.steps, copy] };
    }
    case "update_step":
      return updateStep(doc, action.id, (s) => withPatch(s, action.patch), outputsMayChange(action.patch));
    case "merge_config":
      return updateStep(doc, action.id, (s) => withConfigValues(s, action.values), true);
    case "set_entry":
      return doc.entryStepId === action.id ? doc : { ...doc, entryStepId: action.id };
    case "remove": {
      const stepIds = new Set(action.stepIds ?? []);
      const edgeIds = new Set(action.edgeIds ?? []);
      if (stepIds.size === 0 && edgeIds.size === 0) return doc;
      const steps = stepIds.size ? doc.steps.filter((s) => !stepIds.has(s.id)) : doc.steps;
      const edges = doc.edges.filter(
        (e) => !edgeIds.has(e.id) && !stepIds.has(e.source) && !stepIds.has(e.target),
      );
      if (steps.length === doc.steps.length && edges.length === doc.edges.length) return doc;
      return {
        ...doc,
        steps,
        edges,
        entryStepId: doc.entryStepId && stepIds.has(doc.entryStepId) ? null : doc.entryStepId,
      };
    }
    case "connect": {
      // One edge per output handle: connecting it again replaces the old connection.
      const existing = doc.edges.find(
        (e) => e.source === action.source && e.sourceHandle === action.sourceHandle,
      );
      if (existing?.target === action.target) return doc;
      const edges = doc.edges.filter((e) => e !== existing);
      edges.push({
        id: newEdgeId(),
        source: action.source,
        sourceHandle: action.sourceHandle,
        target: action.target,
      });
      return { ...doc, edges };
    }
    case "move": {
      const moved = movedSteps(doc, action.positions);
      if (!moved) return doc;
      // A route drawn to where a step was no longer meets it: the edge is drawn the usual way again.
      const edges = doc.edges.map((e) =>
        e.route && (moved.ids.has(e.source) || moved.ids.has(e.target)) ? withoutRoute(e) : e,
      );
      return { ...doc, steps: moved.steps, edges };
    }
    case "arrange": {
      const moved = movedSteps(doc, action.positions);
      let changed = moved !== null;
      const edges = doc.edges.map((e) => {
        const route = action.routes[e.id];
        if (sameRoute(route, e.route)) return e;
        changed = true;
        return route ? { ...e, route } : withoutRoute(e);
      });
      return changed ? { ...doc, steps: moved?.steps ?? doc.steps, edges } : doc;
    }
  }
}

/** The steps with the new positions (whole pixels), and which moved; null if none did. */
function movedSteps(
  doc: FlowDocument,
  positions: Record<string, { x: number; y: number }>,
): { steps: Step[]; ids: ReadonlySet<string> } | null {
  const ids = new Set<string>();
  const steps = doc.steps.map((s) => {
    const p = positions[s.id];
    if (!p) return s;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (position.x === s.position.x && position.y === s.position.y) return s;
    ids.add(s.id);
    return { ...s, position };
  });
  return ids.size ? { steps, ids } : null;
}

const sameRoute = (a: EdgeRoute | undefined, b: EdgeRoute | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((p, i) => p.x === b[i]!.x && p.y === b[i]!.y));

function withoutRoute(edge: Edge): Edge {
  const { route: _route, ...rest } = edge;
  return rest;
}

/** The variables (`vars.*`) some step of the draft collects, sorted, for the "Insert variable" menus. */
export function collectVariables(steps: Step[]): string[] {
  const set = new Set<string>();
  for (const s of steps) {
    try {
      for (const v of stepWrites(s)) if (v) set.add(v);
    } catch {
      // a half-edited step may not have its fields yet
    }
  }
  return [...set].sort();
}
