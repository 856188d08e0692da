/* The canvas' visible area and moving the view to a step. Pure, so it is unit-tested. */
import type { Rect } from "./placement";

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Zoom at which a shown step reads comfortably (unless it doesn't fit the free area). */
export const READABLE_ZOOM = 0.9;
const MARGIN = 24;

/**
 * The part of a `width`×`height` canvas no floating panel covers (screen pixels from the canvas'
 * top-left corner). A panel in the right half (the test chat) takes everything right of its left
 * edge; one in the left half everything left of its right edge.
 */
export function uncoveredArea(width: number, height: number, covers: Rect[]): Rect {
  let left = 0;
  let right = width;
  for (const c of covers) {
    if (c.width <= 0 || c.height <= 0) continue;
    if (c.x + c.width / 2 >= width / 2) right = Math.min(right, c.x);
    else left = Math.max(left, c.x + c.width);
  }
  // A panel as wide as the canvas leaves nothing; then the whole canvas is the best there is.
  if (right - left < 120) return { x: 0, y: 0, width, height };
  return { x: left, y: 0, width: right - left, height };
}

/** `area` (screen pixels from the canvas' corner) in flow coordinates under `viewport`. */
export const areaInFlow = (area: Rect, viewport: Viewport): Rect => ({
  x: (area.x - viewport.x) / viewport.zoom,
  y: (area.y - viewport.y) / viewport.zoom,
  width: area.width / viewport.zoom,
  height: area.height / viewport.zoom,
});

/**
 * The viewport that puts `node` (flow coordinates) in the middle of `area`, at a readable zoom that
 * still fits it (never beyond `maxZoom`, never below `minZoom`).
 */
export function viewportShowing(
  node: Rect,
  area: Rect,
  current: Viewport,
  { minZoom, maxZoom }: { minZoom: number; maxZoom: number },
): Viewport {
  const fit = Math.min((area.width - 2 * MARGIN) / node.width, (area.height - 2 * MARGIN) / node.height);
  const zoom = Math.max(minZoom, Math.min(maxZoom, Math.max(current.zoom, READABLE_ZOOM), fit));
  return {
    x: area.x + area.width / 2 - (node.x + node.width / 2) * zoom,
    y: area.y + area.height / 2 - (node.y + node.height / 2) * zoom,
    zoom,
  };
}

/** Whether `node` (flow coordinates) lies wholly in `area` (screen) under `viewport`. */
export function isShown(node: Rect, area: Rect, viewport: Viewport): boolean {
  const flowArea = areaInFlow(area, viewport);
  return (
    node.x >= flowArea.x &&
    node.y >= flowArea.y &&
    node.x + node.width <= flowArea.x + flowArea.width &&
    node.y + node.height <= flowArea.y + flowArea.height
  );
}
