import { type FlowDocument, MAX_ROUTE_POINTS, type Step, stepOutputs } from "@switchboard/flow";
import type { ElkExtendedEdge, ElkNode, ElkPort } from "elkjs/lib/elk-api";

/*
 * Auto-arrange with ELK's layered algorithm: flow → ELK graph → step positions and edge routes.
 * Pure (ELK itself is passed in), so it is unit-tested with the real elkjs.
 */

/** A step's size and where its handles are, as React Flow measured them (or as estimated). */
export interface StepBox {
  width: number;
  height: number;
  /** The y of the input handle's centre, from the node's top. */
  inputY: number;
  /** Per output handle, the y of its centre from the node's top. */
  outputs: Record<string, number>;
}

export interface Point {
  x: number;
  y: number;
}

export interface ArrangedFlow {
  positions: Record<string, Point>;
  /**
   * Per edge id, its orthogonal route (first point at the output, last at the input) in flow
   * coordinates. An edge whose route has more points than a flow document keeps has none.
   */
  routes: Record<string, Point[]>;
}

export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** A node's width (step-node.tsx: w-64). */
const ESTIMATED_WIDTH = 256;
const OUTPUT_ROW = 26;

/** Where handles are when React Flow hasn't measured a step (it is off screen in a large flow). */
export function estimatedBox(step: Step): StepBox {
  const outputs = stepOutputs(step);
  const height = 120 + outputs.length * OUTPUT_ROW + (step.type === "free_input" ? 20 : 0);
  return {
    width: ESTIMATED_WIDTH,
    height,
    inputY: 26,
    outputs: Object.fromEntries(
      outputs.map((o, i) => [o.handle, height - 4 - (outputs.length - i) * OUTPUT_ROW + OUTPUT_ROW / 2]),
    ),
  };
}

const portId = (stepId: string, handle: string) => `${stepId}\u0000${handle}`;
const INPUT = "in";

export const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  // Orthogonal routes with room between layers, so an edge going back ("back to menu") is routed
  // around the steps instead of straight through them.
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.feedbackEdges": "true",
  // The order steps are given in (from the start step outwards) decides which edges point back.
  "elk.layered.cycleBreaking.strategy": "MODEL_ORDER",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.spacing.nodeNodeBetweenLayers": "110",
  "elk.spacing.nodeNode": "48",
  "elk.layered.spacing.edgeNodeBetweenLayers": "24",
  "elk.spacing.edgeNode": "24",
  "elk.spacing.edgeEdge": "12",
  "elk.spacing.componentComponent": "90",
  "elk.padding": "[top=0,left=0,bottom=0,right=0]",
};

/**
 * Steps from the start step outwards (breadth first, outputs in order), then steps with aliases and
 * their descendants, then the rest in list order: the model order ELK breaks cycles by, so an edge to
 * an earlier step is the one drawn going back.
 */
export function modelOrder(doc: FlowDocument): Step[] {
  const byId = new Map(doc.steps.map((s) => [s.id, s]));
  const out = new Map<string, string[]>();
  for (const step of doc.steps) {
    const handles = safeOutputs(step);
    const targets = doc.edges
      .filter((e) => e.source === step.id && byId.has(e.target))
      .sort((a, b) => handles.indexOf(a.sourceHandle) - handles.indexOf(b.sourceHandle))
      .map((e) => e.target);
    out.set(step.id, targets);
  }
  const roots = [
    ...(doc.entryStepId && byId.has(doc.entryStepId) ? [doc.entryStepId] : []),
    ...doc.steps.filter((s) => s.aliases.length > 0).map((s) => s.id),
    ...doc.steps.map((s) => s.id),
  ];
  const seen = new Set<string>();
  const order: Step[] = [];
  for (const root of roots) {
    if (seen.has(root)) continue;
    seen.add(root);
    const queue = [root];
    while (queue.length) {
      const id = queue.shift()!;
      order.push(byId.get(id)!);
      for (const t of out.get(id) ?? []) {
        if (seen.has(t)) continue;
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return order;
}

function safeOutputs(step: Step): string[] {
  try {
    return stepOutputs(step).map((o) => o.handle);
  } catch {
    return []; // a half-edited step may not have its fields yet
  }
}

/** The ELK graph of a flow: one node per step with fixed ports where its handles are. */
export function toElkGraph(doc: FlowDocument, boxes: ReadonlyMap<string, StepBox>): ElkNode {
  const steps = modelOrder(doc);
  const handlesOf = new Map(steps.map((s) => [s.id, new Set(safeOutputs(s))]));
  const children: ElkNode[] = steps.map((step) => {
    const box = boxes.get(step.id) ?? estimatedBox(step);
    const ports: ElkPort[] = [
      {
        id: portId(step.id, INPUT),
        x: -1,
        y: box.inputY - 1,
        width: 2,
        height: 2,
        layoutOptions: { "elk.port.side": "WEST" },
      },
      ...safeOutputs(step).map((handle, index) => ({
        id: portId(step.id, handle),
        x: box.width - 1,
        y: (box.outputs[handle] ?? box.height / 2) - 1,
        width: 2,
        height: 2,
        layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(index) },
      })),
    ];
    return {
      id: step.id,
      width: box.width,
      height: box.height,
      ports,
      layoutOptions: { "elk.portConstraints": "FIXED_POS" },
    };
  });
  const edges: ElkExtendedEdge[] = doc.edges
    .filter((e) => handlesOf.get(e.source)?.has(e.sourceHandle) && handlesOf.has(e.target))
    .map((e) => ({
      id: e.id,
      sources: [portId(e.source, e.sourceHandle)],
      targets: [portId(e.target, INPUT)],
    }));
  return { id: "root", layoutOptions: layoutOptionsFor(steps.length), children, edges };
}

/** Above this many steps ELK trades some crossing minimisation for time (seconds, not minutes). */
export const THOROUGH_LAYOUT_MAX_STEPS = 60;
/** Above this many steps auto-arrange uses the quick column layout (layout.ts) instead of ELK. */
export const ELK_MAX_STEPS = 300;

/** ELK's options for a flow of this many steps: thorough for a usual flow, quicker for a big one. */
export function layoutOptionsFor(stepCount: number): Record<string, string> {
  if (stepCount <= THOROUGH_LAYOUT_MAX_STEPS) return LAYOUT_OPTIONS;
  return {
    ...LAYOUT_OPTIONS,
    "elk.layered.thoroughness": "1",
    "elk.layered.crossingMinimization.greedySwitch.type": "OFF",
    "elk.layered.nodePlacement.strategy": "SIMPLE",
  };
}

/** Step positions and edge routes out of ELK's answer (coordinates made whole pixels). */
export function fromElkGraph(graph: ElkNode): ArrangedFlow {
  const positions: Record<string, Point> = {};
  for (const node of graph.children ?? [])
    positions[node.id] = { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0) };
  const routes: Record<string, Point[]> = {};
  for (const edge of graph.edges ?? []) {
    const section = edge.sections?.[0];
    if (!section || (section.bendPoints?.length ?? 0) + 2 > MAX_ROUTE_POINTS) continue;
    routes[edge.id] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({
      x: Math.round(p.x),
      y: Math.round(p.y),
    }));
  }
  return { positions, routes };
}

/** Lays the flow out with ELK; steps ELK didn't place keep their position. */
export async function arrangeFlow(
  doc: FlowDocument,
  boxes: ReadonlyMap<string, StepBox>,
  elk: ElkLike,
): Promise<ArrangedFlow> {
  if (doc.steps.length === 0) return { positions: {}, routes: {} };
  return fromElkGraph(await elk.layout(toElkGraph(doc, boxes)));
}
