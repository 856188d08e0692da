import {
  type DiffConnection,
  type FlowDiff,
  type FlowDocument,
  type Step,
  type StepDiffStatus,
  stepDiffStatuses,
} from "@switchboard/flow";
import type { Node, Edge as RFEdge } from "@xyflow/react";

/*
 * The diff view's two read-only canvases: one document drawn with the diff's colours. The older side
 * shows what was removed (and what changed), the newer side what was added (and what changed), so the
 * same step never reads "added" and "removed" at once.
 */

export type DiffSide = "before" | "after";
export type NodeStatus = StepDiffStatus | "same";

export interface DiffNodeData extends Record<string, unknown> {
  step: Step;
  status: NodeStatus;
  /** The changed fields' paths, for the node's tooltip. */
  fields: string[];
  entry: boolean;
}
export type DiffNode = Node<DiffNodeData, "diff">;

export const DIFF_COLORS: Record<NodeStatus, string> = {
  added: "#10b981",
  removed: "#ef4444",
  changed: "#f59e0b",
  same: "#a1a1aa",
};

const connectionKey = (c: DiffConnection) => `${c.source}\u0000${c.sourceHandle}\u0000${c.target}`;

export function diffGraph(
  doc: FlowDocument,
  side: DiffSide,
  diff: FlowDiff,
): { nodes: DiffNode[]; edges: RFEdge[] } {
  const statuses = stepDiffStatuses(diff);
  // "added" only makes sense on the newer side, "removed" on the older one.
  const hidden: StepDiffStatus = side === "before" ? "added" : "removed";
  const fieldsOf = new Map(diff.changed.map((c) => [c.id, c.fields]));
  const nodes: DiffNode[] = doc.steps.map((step) => {
    const raw = statuses.get(step.id);
    const status: NodeStatus = !raw || raw === hidden ? "same" : raw;
    return {
      id: step.id,
      type: "diff",
      position: step.position,
      data: { step, status, fields: fieldsOf.get(step.id) ?? [], entry: doc.entryStepId === step.id },
      draggable: false,
      connectable: false,
      selectable: false,
    };
  });
  const marked = new Set(
    (side === "before" ? diff.connectionsRemoved : diff.connectionsAdded).map(connectionKey),
  );
  const color = side === "before" ? DIFF_COLORS.removed : DIFF_COLORS.added;
  const ids = new Set(doc.steps.map((s) => s.id));
  const edges: RFEdge[] = doc.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const changed = marked.has(connectionKey(e));
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        // The diff nodes have one source handle: every output is drawn from the node's bottom.
        sourceHandle: null,
        data: { changed },
        style: changed
          ? { stroke: color, strokeWidth: 2.5, ...(side === "before" ? { strokeDasharray: "6 4" } : {}) }
          : { stroke: DIFF_COLORS.same, strokeWidth: 1.25 },
      };
    });
  return { nodes, edges };
}
