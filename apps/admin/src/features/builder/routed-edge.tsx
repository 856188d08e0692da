"use client";

import { BaseEdge, type Edge, type EdgeProps, getSmoothStepPath } from "@xyflow/react";
import { memo } from "react";
import { fitRoute, roundedPath, routeMidpoint } from "./edge-route";
import type { Point } from "./elk-layout";

export type RoutedEdgeType = Edge<{ route: Point[] }, "routed">;

/**
 * An edge drawn along the route auto-arrange gave it (around the steps, e.g. "back to menu"), or as
 * the usual smooth step once one of its steps has moved.
 */
function RoutedEdgeComponent(props: EdgeProps<RoutedEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const points = fitRoute(data?.route, { x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  let path: string;
  let labelX: number;
  let labelY: number;
  if (points) {
    path = roundedPath(points);
    ({ x: labelX, y: labelY } = routeMidpoint(points));
  } else {
    [path, labelX, labelY] = getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
      borderRadius: 14,
      offset: 20,
    });
  }
  return (
    <BaseEdge
      id={props.id}
      path={path}
      labelX={labelX}
      labelY={labelY}
      markerEnd={props.markerEnd}
      markerStart={props.markerStart}
      style={props.style}
      interactionWidth={props.interactionWidth}
      data-routed={points ? "" : undefined}
    />
  );
}

export const RoutedEdge = memo(RoutedEdgeComponent);
