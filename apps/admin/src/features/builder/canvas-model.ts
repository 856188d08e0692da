import { type Edge, type FlowDocument, type Problem, type Step, stepOutputs } from "@switchboard/flow";
import { type NodeChange, Position, type Edge as RFEdge } from "@xyflow/react";
import { estimatedBox } from "./elk-layout";
import type { StepNodeData, StepNodeType } from "./step-node";

/* How the draft maps onto React Flow's nodes and edges. Pure, so it is unit-tested. */

/** A node's width (step-node.tsx: w-64). */
export const NODE_WIDTH = 256;

/** Above this many steps the canvas renders only what is on screen and starts from estimated nodes. */
export const MANY_STEPS = 200;

/** A handle's size (globals.css: .sb-handle). */
const HANDLE_SIZE = 12;

/** A step's node as React Flow first gets it: it measures the node when it renders it. */
export const plainNode = (step: Step, data: StepNodeData): StepNodeType => ({
  id: step.id,
  type: "step",
  position: step.position,
  data,
});

/**
 * A node whose size and handles are estimated until React Flow measures it. React Flow renders every
 * node it has no handle positions for, even with onlyRenderVisibleElements, just to measure it: for
 * 2,000 steps that first render took seconds. With the estimate it renders only the steps on screen
 * and draws edges to the others from the estimated handles; `applyMeasured` drops it once measured.
 * The estimated size also counts as measured for fitView, which waits until every node is.
 */
export function estimatedNode(step: Step, data: StepNodeData): StepNodeType {
  const node = plainNode(step, data);
  let box: ReturnType<typeof estimatedBox>;
  try {
    box = estimatedBox(step);
  } catch {
    return node; // a half-edited step may not have its outputs yet: React Flow measures it
  }
  const half = HANDLE_SIZE / 2;
  const size = { width: HANDLE_SIZE, height: HANDLE_SIZE };
  return {
    ...node,
    // Half a pixel off any real (whole-pixel) measurement, so that React Flow takes its own
    // measurement, handles included, as soon as it renders the node.
    measured: { width: box.width, height: box.height + 0.5 },
    handles: [
      { id: "in", type: "target", position: Position.Left, x: -half, y: box.inputY - half, ...size },
      ...Object.entries(box.outputs).map(([id, y]) => ({
        id,
        type: "source" as const,
        position: Position.Right,
        x: box.width - half,
        y: y - half,
        ...size,
      })),
    ],
  };
}

/**
 * `nodes` after React Flow's changes; a node it has just measured loses its estimate, else React Flow
 * would keep taking the estimated handles over the measured ones whenever the node object changes.
 */
export function applyMeasured(
  nodes: StepNodeType[],
  changes: NodeChange<StepNodeType>[],
  apply: (changes: NodeChange<StepNodeType>[], nodes: StepNodeType[]) => StepNodeType[],
): StepNodeType[] {
  const next = apply(changes, nodes);
  const measured = new Set<string>();
  for (const c of changes) if (c.type === "dimensions" && c.dimensions) measured.add(c.id);
  if (measured.size === 0) return next;
  return next.map((n) => {
    if (!measured.has(n.id) || !n.handles) return n;
    const { handles: _handles, ...measuredNode } = n;
    return measuredNode;
  });
}

/**
 * Whether `changes` only move nodes that are being dragged: React Flow sends these on every frame of
 * a drag, and nothing but the canvas needs them until the drop (which comes with `dragging: false`).
 */
export const isDragMove = (changes: readonly NodeChange<StepNodeType>[]): boolean =>
  changes.length > 0 && changes.every((c) => c.type === "position" && c.dragging === true);

/** A node still on its estimate (never rendered) takes the new one: an edit may change its outputs. */
function reestimated(old: StepNodeType, fresh: StepNodeType): StepNodeType {
  const { handles: _handles, measured: _measured, ...rest } = old;
  return fresh.handles ? { ...rest, handles: fresh.handles, measured: fresh.measured } : rest;
}

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
  newNode: (step: Step, data: StepNodeData) => StepNodeType = plainNode,
): StepNodeType[] {
  const prevById = new Map(prev.map((n) => [n.id, n]));
  let changed = prev.length !== steps.length;
  const next = steps.map((step, i) => {
    const data = dataFor(step);
    const old = prevById.get(step.id);
    if (old && prev[i] !== old) changed = true;
    if (old && old.data === data) return old;
    changed = true;
    if (!old) return newNode(step, data);
    const base = old.handles ? reestimated(old, newNode(step, data)) : old;
    const moved =
      old.data.step.position !== step.position &&
      (Math.abs(old.position.x - step.position.x) >= 1 || Math.abs(old.position.y - step.position.y) >= 1);
    return { ...base, data, ...(moved ? { position: step.position } : {}) };
  });
  return changed ? next : prev;
}

/** A step's output handles, per step object (an edit makes a new object). */
const handlesOfStep = new WeakMap<Step, ReadonlySet<string>>();

function outputHandles(step: Step): ReadonlySet<string> {
  let handles = handlesOfStep.get(step);
  if (!handles) {
    try {
      handles = new Set(stepOutputs(step).map((o) => o.handle));
    } catch {
      handles = new Set();
    }
    handlesOfStep.set(step, handles);
  }
  return handles;
}

/**
 * The draft's edges React Flow can draw: both ends exist and the source still has that output. An
 * edge auto-arrange routed is drawn along its stored route (routed-edge.tsx). An edge of `prev` that is
 * drawn the same is reused, so that an edit re-renders only the edges it changed (a large flow has
 * hundreds on screen).
 */
export function canvasEdges(
  steps: Step[],
  edges: Edge[],
  selected: ReadonlySet<string>,
  prev: readonly RFEdge[] = [],
): RFEdge[] {
  const handles = new Map(steps.map((s) => [s.id, outputHandles(s)]));
  const prevById = new Map(prev.map((e) => [e.id, e]));
  return edges
    .filter((e) => handles.get(e.source)?.has(e.sourceHandle) && handles.has(e.target))
    .map((e) => {
      const route = e.route;
      const isSelected = selected.has(e.id);
      const old = prevById.get(e.id);
      if (
        old &&
        old.source === e.source &&
        old.sourceHandle === e.sourceHandle &&
        old.target === e.target &&
        old.selected === isSelected &&
        (old.data as { route?: unknown } | undefined)?.route === route
      )
        return old;
      return {
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle,
        target: e.target,
        targetHandle: "in",
        selected: isSelected,
        ...(route ? { type: "routed", data: { route } } : {}),
      };
    });
}

/** The step a problem is about (an edge's problem: its source step), if it is in the draft. */
export function stepOfProblem(p: Problem, doc: FlowDocument): string | null {
  const stepId = p.stepId ?? (p.edgeId ? doc.edges.find((e) => e.id === p.edgeId)?.source : undefined);
  return stepId && doc.steps.some((s) => s.id === stepId) ? stepId : null;
}

/** `prev` when `next` holds the same ids (or objects) in the same order, else `next`. */
export function sameIdsOr<T>(prev: T[], next: T[]): T[] {
  return prev.length === next.length && prev.every((id, i) => id === next[i]) ? prev : next;
}

/** `prev` when `next` holds the same ids, else `next`. */
export function sameSetOr(prev: ReadonlySet<string>, next: ReadonlySet<string>): ReadonlySet<string> {
  return prev.size === next.size && [...next].every((id) => prev.has(id)) ? prev : next;
}
