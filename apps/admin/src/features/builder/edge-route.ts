import { getSmoothStepPath, type Position } from "@xyflow/react";
import type { Point } from "./elk-layout";

/*
 * Drawing an auto-arranged edge along ELK's route. The route is kept only while both of its steps
 * stay where auto-arrange put them: once one is dragged, the edge is drawn the usual way again.
 */

/** How far (px) React Flow's handle point may be from the route's end for the route to still fit. */
const SNAP_X = 12;
const SNAP_Y = 3;

const near = (a: Point, b: Point) => Math.abs(a.x - b.x) <= SNAP_X && Math.abs(a.y - b.y) <= SNAP_Y;

/**
 * The route with its ends moved onto React Flow's handle points (and the first/last bend with them,
 * so the segments stay straight), or null if the steps moved since the route was made.
 */
export function fitRoute(route: readonly Point[] | undefined, source: Point, target: Point): Point[] | null {
  if (!route || route.length < 2) return null;
  const first = route[0]!;
  const last = route[route.length - 1]!;
  if (!near(first, source) || !near(last, target)) return null;
  const points = route.map((p) => ({ ...p }));
  if (points.length > 2 && points[1]!.y === first.y) points[1]!.y = source.y;
  if (points.length > 2 && points[points.length - 2]!.y === last.y) points[points.length - 2]!.y = target.y;
  points[0] = { ...source };
  points[points.length - 1] = { ...target };
  return points;
}

/** An SVG path through the points, its corners rounded (at most `radius`, less on short segments). */
export function roundedPath(points: readonly Point[], radius = 10): string {
  if (points.length === 0) return "";
  const [start, ...rest] = points;
  let d = `M ${start!.x} ${start!.y}`;
  for (let i = 0; i < rest.length; i++) {
    const corner = rest[i]!;
    const prev = points[i]!;
    const next = rest[i + 1];
    if (!next) {
      d += ` L ${corner.x} ${corner.y}`;
      break;
    }
    const r = Math.min(radius, dist(prev, corner) / 2, dist(corner, next) / 2);
    const a = toward(corner, prev, r);
    const b = toward(corner, next, r);
    d += ` L ${a.x} ${a.y} Q ${corner.x} ${corner.y} ${b.x} ${b.y}`;
  }
  return d;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

function toward(from: Point, to: Point, length: number): Point {
  const d = dist(from, to);
  if (d === 0) return { ...from };
  return { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
}

/** Where to put the edge's label/interaction midpoint: the middle of the route's longest segment. */
export function routeMidpoint(points: readonly Point[]): Point {
  let best = { x: 0, y: 0 };
  let longest = -1;
  for (let i = 1; i < points.length; i++) {
    const length = dist(points[i - 1]!, points[i]!);
    if (length > longest) {
      longest = length;
      best = { x: (points[i - 1]!.x + points[i]!.x) / 2, y: (points[i - 1]!.y + points[i]!.y) / 2 };
    }
  }
  return best;
}

/** The canvas' smooth step edges' corners and first leg (its default edge options and edgePath). */
export const SMOOTH_STEP = { borderRadius: 14, offset: 20 };

interface EdgeEnds {
  source: Point;
  target: Point;
  sourcePosition: Position;
  targetPosition: Position;
}

/**
 * How the canvas draws an edge: along its auto-arranged route while that still fits its ends, else as
 * the usual smooth step (the canvas' default edge options). Returns the SVG path and the label point.
 */
export function edgePath(
  ends: EdgeEnds,
  route?: readonly Point[],
): { path: string; label: Point; routed: boolean } {
  const points = fitRoute(route, ends.source, ends.target);
  if (points) return { path: roundedPath(points), label: routeMidpoint(points), routed: true };
  const [path, x, y] = getSmoothStepPath({
    sourceX: ends.source.x,
    sourceY: ends.source.y,
    targetX: ends.target.x,
    targetY: ends.target.y,
    sourcePosition: ends.sourcePosition,
    targetPosition: ends.targetPosition,
    ...SMOOTH_STEP,
  });
  return { path, label: { x, y }, routed: false };
}
