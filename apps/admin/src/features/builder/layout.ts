import { type FlowDocument, type Step, stepOutputs } from "@switchboard/flow";

/** Every step stacked on one point (a hand-written or generated import) needs arranging. */
export function needsLayout(doc: FlowDocument) {
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
