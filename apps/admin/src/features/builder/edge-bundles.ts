import { Position, type Edge as RFEdge, type XYPosition } from "@xyflow/react";
import { NODE_WIDTH, sameIdsOr, sameSetOr } from "./canvas-model";
import type { Point } from "./elk-layout";
import { overlaps, type Rect } from "./placement";

/*
 * Edges into a busy step ("back to the menu" from every menu of a large flow) drawn as one bundle.
 * React Flow mounts every edge whose ends' bounding box meets the screen, so with such a step on
 * screen it mounted hundreds of edges coming from far away, each subscribed to its store: every frame
 * of a drag ran all their subscriptions. Those coming from off screen (they show only as the lines
 * entering the step) become one edge that draws them all (bundle-edge.tsx); those whose source is on
 * screen, or selected, stay edges of their own, to be clicked, selected and deleted.
 */

/** An edge drawn in a bundle: where it comes from. */
interface BundledEdge {
  id: string;
  source: string;
  sourceHandle: string | null;
  route?: readonly Point[];
}

export type BundleEdgeData = { edges: BundledEdge[] };
export type BundleEdgeType = RFEdge<BundleEdgeData, "bundle">;

/** A step needs at least this many edges from off screen for them to be bundled. */
export const BUNDLE_MIN = 10;

const BUNDLE_PREFIX = "bundle:";
export const isBundleId = (edgeId: string): boolean => edgeId.startsWith(BUNDLE_PREFIX);

/** The grid (flow px) the bundling area snaps to, so that panning re-bundles only now and then. */
const CELL = 512;

/**
 * The area whose steps count as on screen for bundling: the screen and half a screen around it (an
 * edge from a step just off screen shows more than its last segment), snapped outwards to the grid.
 * A string, so that a store selector returning it changes only when the area does.
 */
export function bundlingArea(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): string {
  const [tx, ty, zoom] = transform;
  const w = width / zoom;
  const h = height / zoom;
  const x0 = Math.floor((-tx / zoom - w / 2) / CELL) * CELL;
  const y0 = Math.floor((-ty / zoom - h / 2) / CELL) * CELL;
  const x1 = Math.ceil((-tx / zoom + w * 1.5) / CELL) * CELL;
  const y1 = Math.ceil((-ty / zoom + h * 1.5) / CELL) * CELL;
  return `${x0} ${y0} ${x1 - x0} ${y1 - y0}`;
}

export function areaBox(area: string): Rect {
  const [x = 0, y = 0, width = 0, height = 0] = area.split(" ").map(Number);
  return { x, y, width, height };
}

const bundleId = (target: string) => `${BUNDLE_PREFIX}${target}`;

/** A step's height before React Flow has measured it (only for telling whether it is on screen). */
const UNMEASURED_HEIGHT = 200;

/** What stepsInArea needs of a canvas node. */
interface PlacedStep {
  id: string;
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
}

/**
 * The steps in `area`; `prev` when they are the same ones, so that what depends on them (bundling)
 * isn't redone when nodes change otherwise (a selection, a measurement).
 */
export function stepsInArea(
  nodes: readonly PlacedStep[],
  area: Rect,
  prev: ReadonlySet<string> = new Set(),
): ReadonlySet<string> {
  const inArea = new Set<string>();
  for (const n of nodes) {
    const box = {
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? NODE_WIDTH,
      height: n.measured?.height ?? UNMEASURED_HEIGHT,
    };
    if (overlaps(box, area)) inArea.add(n.id);
  }
  return sameSetOr(prev, inArea);
}

/**
 * `edges` with those into a step on screen (in `onScreen`) from a step off it replaced, per step with
 * at least BUNDLE_MIN of them, by one bundle edge. Selected edges are never bundled. Returns `prev`
 * when nothing changed, and keeps `prev`'s bundle edges whose edges are the same, so React Flow
 * re-renders nothing it need not.
 */
export function bundleEdges(
  edges: readonly RFEdge[],
  onScreen: ReadonlySet<string>,
  prev: RFEdge[] = [],
): RFEdge[] {
  const fromOffScreen = new Map<string, RFEdge[]>();
  for (const e of edges) {
    if (e.selected || !onScreen.has(e.target) || onScreen.has(e.source)) continue;
    const list = fromOffScreen.get(e.target);
    if (list) list.push(e);
    else fromOffScreen.set(e.target, [e]);
  }
  const bundled = new Set<RFEdge>();
  const bundles: RFEdge[] = [];
  const prevById = new Map(prev.map((e) => [e.id, e]));
  for (const [target, list] of fromOffScreen) {
    if (list.length < BUNDLE_MIN) continue;
    for (const e of list) bundled.add(e);
    bundles.push(bundleEdge(target, list, prevById.get(bundleId(target))));
  }
  return sameIdsOr(prev, [...edges.filter((e) => !bundled.has(e)), ...bundles]);
}

/**
 * One edge for the bundle: React Flow gives it the busy step's handle point (its target); it takes
 * its source from the first bundled edge, so that React Flow can place it. Not selectable, focusable
 * or deletable: deleting the step or a source step removes the draft's edges themselves.
 */
function bundleEdge(target: string, list: RFEdge[], prev: RFEdge | undefined): BundleEdgeType {
  const edges: BundledEdge[] = list.map((e) => {
    const route = (e.data as { route?: Point[] } | undefined)?.route;
    return { id: e.id, source: e.source, sourceHandle: e.sourceHandle ?? null, ...(route ? { route } : {}) };
  });
  const old = prev?.data as BundleEdgeData | undefined;
  if (prev && old && sameBundled(old.edges, edges)) return prev as BundleEdgeType;
  const first = list[0]!;
  return {
    id: bundleId(target),
    type: "bundle",
    source: first.source,
    sourceHandle: first.sourceHandle ?? null,
    target,
    targetHandle: first.targetHandle ?? null,
    selectable: false,
    focusable: false,
    deletable: false,
    interactionWidth: 0,
    data: { edges },
  };
}

const sameBundled = (a: readonly BundledEdge[], b: readonly BundledEdge[]) =>
  a.length === b.length &&
  a.every(
    (e, i) =>
      e.id === b[i]!.id &&
      e.source === b[i]!.source &&
      e.sourceHandle === b[i]!.sourceHandle &&
      e.route === b[i]!.route,
  );

/** What bundle-edge.tsx needs of a React Flow node to place an edge's start. */
export interface PlacedNode {
  internals: {
    positionAbsolute: XYPosition;
    handleBounds?: {
      source?:
        | readonly {
            id?: string | null;
            x: number;
            y: number;
            width: number;
            height: number;
            position: Position;
          }[]
        | null;
    };
  };
}

/**
 * Where an edge leaves its source step's output handle, as React Flow places it (the middle of the
 * handle's outer side), or null if the node or handle isn't known. `position` is the handle's side.
 */
export function sourcePoint(
  node: PlacedNode | undefined,
  handleId: string | null,
): { x: number; y: number; position: Position } | null {
  const handles = node?.internals.handleBounds?.source;
  if (!node || !handles?.length) return null;
  const handle = handleId ? handles.find((h) => h.id === handleId) : handles[0];
  if (!handle) return null;
  const x = node.internals.positionAbsolute.x + handle.x;
  const y = node.internals.positionAbsolute.y + handle.y;
  switch (handle.position) {
    case Position.Top:
      return { x: x + handle.width / 2, y, position: handle.position };
    case Position.Bottom:
      return { x: x + handle.width / 2, y: y + handle.height, position: handle.position };
    case Position.Left:
      return { x, y: y + handle.height / 2, position: handle.position };
    default:
      return { x: x + handle.width, y: y + handle.height / 2, position: handle.position };
  }
}
