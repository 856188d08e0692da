"use client";

import { BaseEdge, type EdgeProps, type ReactFlowState, useStore } from "@xyflow/react";
import { memo, useCallback, useMemo } from "react";
import { type BundleEdgeType, type PlacedNode, sourcePoint } from "./edge-bundles";
import { edgePath } from "./edge-route";

type Start = ReturnType<typeof sourcePoint>;

const sameStarts = (a: Start[], b: Start[]) =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i] ?? null;
    return p === q || (p !== null && q !== null && p.x === q.x && p.y === q.y && p.position === q.position);
  });

/**
 * The edges into one busy step from steps off screen (edge-bundles.ts), drawn as one path under one
 * store subscription instead of an edge component (and its subscriptions) each. They are drawn exactly
 * as the edges would be; the bundle can't be clicked.
 */
function BundleEdgeComponent({
  id,
  data,
  targetX,
  targetY,
  targetPosition,
  markerEnd,
  style,
}: EdgeProps<BundleEdgeType>) {
  const edges = data?.edges;
  const starts = useStore(
    useCallback(
      (s: ReactFlowState) =>
        (edges ?? []).map((e) =>
          sourcePoint(s.nodeLookup.get(e.source) as PlacedNode | undefined, e.sourceHandle),
        ),
      [edges],
    ),
    sameStarts,
  );
  const path = useMemo(() => {
    const target = { x: targetX, y: targetY };
    let d = "";
    starts.forEach((start, i) => {
      if (!start) return;
      const ends = { source: start, target, sourcePosition: start.position, targetPosition };
      d += `${edgePath(ends, edges?.[i]?.route).path} `;
    });
    return d;
  }, [starts, edges, targetX, targetY, targetPosition]);
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={0}
      data-bundle={edges?.length ?? 0}
    />
  );
}

export const BundleEdge = memo(BundleEdgeComponent);
