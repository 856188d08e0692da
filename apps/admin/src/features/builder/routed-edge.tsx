"use client";

import { BaseEdge, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { edgePath } from "./edge-route";
import type { Point } from "./elk-layout";

export type RoutedEdgeType = Edge<{ route: Point[] }, "routed">;

/**
 * An edge drawn along the route auto-arrange gave it (around the steps, e.g. "back to menu"), or as
 * the usual smooth step once one of its steps has moved.
 */
function RoutedEdgeComponent(props: EdgeProps<RoutedEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const { path, label, routed } = edgePath(
    {
      source: { x: sourceX, y: sourceY },
      target: { x: targetX, y: targetY },
      sourcePosition,
      targetPosition,
    },
    data?.route,
  );
  return (
    <BaseEdge
      id={props.id}
      path={path}
      labelX={label.x}
      labelY={label.y}
      markerEnd={props.markerEnd}
      markerStart={props.markerStart}
      style={props.style}
      interactionWidth={props.interactionWidth}
      data-routed={routed ? "" : undefined}
    />
  );
}

export const RoutedEdge = memo(RoutedEdgeComponent);
