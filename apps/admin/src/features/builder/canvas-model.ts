import { type Edge, type FlowDocument, type Problem, type Step, stepOutputs } from "@switchboard/flow";
import type { Edge as RFEdge } from "@xyflow/react";
import type { StepNodeData, StepNodeType } from "./step-node";

/* How the draft maps onto React Flow's nodes and edges. Pure, so it is unit-tested. */

/** A node's width (step-node.tsx: w-64). */
export const NODE_WIDTH = 256;

/** Per step, its output handles that have a connection, sorted and joined by "\n" (cheap to compare). */
export function connectedHandlesByStep(edges: Edge[]): Map<string, string> {
  const map = new Map<string, string[]>();
  for (const e of edges) {
    const list = map.get(e.source) ?? [];
    list.push(e.sourceHandle);
    map.set(e.source, list);
  }
  return new Map([...map].map(([k, v]) => [k, v.sort().join("\n")]));
}

/**
 * The canvas' nodes for the draft's steps, reusing `prev` where nothing changed (and `prev` itself
 * when no node did). React Flow owns positions while dragging, so a node keeps its position unless
 * the step's position changed by a pixel or more (an undo, an arrange).
 */
export function syncNodes(
  prev: StepNodeType[],
  steps: Step[],
  dataFor: (step: Step) => StepNodeData,
): StepNodeType[] {
  const prevById = new Map(prev.map((n) => [n.id, n]));
  let changed = prev.length !== steps.length;
  const next = steps.map((step, i) => {
    const data = dataFor(step);
    const old = prevById.get(step.id);
    if (old && prev[i] !== old) changed = true;
    if (old && old.data === data) return old;
    changed = true;
    if (!old) return { id: step.id, type: "step" as const, position: step.position, data };
    const moved =
      old.data.step.position !== step.position &&
      (Math.abs(old.position.x - step.position.x) >= 1 || Math.abs(old.position.y - step.position.y) >= 1);
    return { ...old, data, ...(moved ? { position: step.position } : {}) };
  });
  return changed ? next : prev;
}

const NO_ROUTES: Readonly<Record<string, { x: number; y: number }[]>> = {};

/**
 * The draft's edges React Flow can draw: both ends exist and the source still has that output. An
 * edge auto-arrange routed is drawn along its route (routed-edge.tsx).
 */
export function canvasEdges(
  steps: Step[],
  edges: Edge[],
  selected: ReadonlySet<string>,
  routes: Readonly<Record<string, { x: number; y: number }[]>> = NO_ROUTES,
): RFEdge[] {
  const handles = new Map<string, Set<string>>();
  for (const s of steps) {
    try {
      handles.set(s.id, new Set(stepOutputs(s).map((o) => o.handle)));
    } catch {
      handles.set(s.id, new Set());
    }
  }
  return edges
    .filter((e) => handles.get(e.source)?.has(e.sourceHandle) && handles.has(e.target))
    .map((e) => ({
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle,
      target: e.target,
      targetHandle: "in",
      selected: selected.has(e.id),
      ...(routes[e.id] ? { type: "routed", data: { route: routes[e.id] } } : {}),
    }));
}

/** The step a problem is about (an edge's problem: its source step), if it is in the draft. */
export function stepOfProblem(p: Problem, doc: FlowDocument): string | null {
  const stepId = p.stepId ?? (p.edgeId ? doc.edges.find((e) => e.id === p.edgeId)?.source : undefined);
  return stepId && doc.steps.some((s) => s.id === stepId) ? stepId : null;
}

/** `prev` when `next` holds the same ids in the same order, else `next`. */
export function sameIdsOr(prev: string[], next: string[]): string[] {
  return prev.length === next.length && prev.every((id, i) => id === next[i]) ? prev : next;
}

/** `prev` when `next` holds the same ids, else `next`. */
export function sameSetOr(prev: ReadonlySet<string>, next: ReadonlySet<string>): ReadonlySet<string> {
  return prev.size === next.size && [...next].every((id) => prev.has(id)) ? prev : next;
}
