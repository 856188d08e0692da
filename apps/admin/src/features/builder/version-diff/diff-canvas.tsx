"use client";

import type { Edge as RFEdge } from "@xyflow/react";
import {
  Background,
  BackgroundVariant,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import { useEffect, useMemo } from "react";
import type { DiffNode } from "./diff-graph";
import { DiffStepNode } from "./diff-node";

const nodeTypes = { diff: DiffStepNode };
const defaultEdgeOptions = {
  type: "smoothstep",
  markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: "#a1a1aa" },
};

/** A step to centre: `nonce` makes a second click on the same change centre it again. */
export interface DiffFocus {
  stepId: string;
  nonce: number;
}

/** One side of the version diff: a read-only canvas of its own (not the builder's). */
export function DiffCanvas({
  label,
  testId,
  nodes,
  edges,
  focus,
}: {
  label: string;
  testId: string;
  nodes: DiffNode[];
  edges: RFEdge[];
  focus: DiffFocus | null;
}) {
  const shown = useMemo(
    () => nodes.map((n) => (n.id === focus?.stepId ? { ...n, data: { ...n.data, focused: true } } : n)),
    [nodes, focus],
  );
  return (
    <section
      className="relative flex min-h-0 min-w-0 flex-1 flex-col rounded-xl ring-1 ring-zinc-200"
      data-testid={testId}
    >
      <p className="absolute top-2 left-3 z-10 rounded-md bg-white/90 px-2 py-0.5 text-xs font-semibold text-zinc-700 shadow-sm ring-1 ring-zinc-200">
        {label}
      </p>
      {/* Its own provider: the builder's canvas keeps its viewport and selection. */}
      <ReactFlowProvider>
        <ReactFlow<DiffNode>
          nodes={shown}
          edges={edges}
          nodeTypes={nodeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
          minZoom={0.1}
          maxZoom={1.5}
          proOptions={{ hideAttribution: true }}
          className="rounded-xl bg-zinc-50"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d4d4d8" />
          <CentreOn focus={focus} />
        </ReactFlow>
      </ReactFlowProvider>
    </section>
  );
}

/** Pans (and zooms to a readable size) to the focused step, when this side has it. */
function CentreOn({ focus }: { focus: DiffFocus | null }) {
  const flow = useReactFlow();
  useEffect(() => {
    if (!focus) return;
    const node = flow.getNode(focus.stepId);
    if (!node) return;
    const w = node.measured?.width ?? 240;
    const h = node.measured?.height ?? 80;
    void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: 1, duration: 300 });
  }, [focus, flow]);
  return null;
}
