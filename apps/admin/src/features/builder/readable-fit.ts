/*
 * Where to put the view after auto-arrange: the whole flow if it fits at a readable zoom, else the
 * flow's start at the lowest readable zoom (a marketer reads on from there) — never zoomed out until
 * the text is unreadable.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Below this zoom a step's text is too small to read. */
export const MIN_READABLE_ZOOM = 0.6;
export const MAX_FIT_ZOOM = 1;
const PADDING = 40;

/**
 * The viewport (React Flow's: screen = flow × zoom + x/y) that shows `bounds` (the flow) in a view
 * of `view` size. When it only fits below MIN_READABLE_ZOOM, the flow's left edge is shown at that
 * zoom with `entry` (the start step) vertically centred, without empty space above the flow.
 */
export function readableViewport(
  bounds: Rect,
  view: { width: number; height: number },
  entry?: Rect,
): Viewport {
  const fit = Math.min(
    (view.width - 2 * PADDING) / Math.max(bounds.width, 1),
    (view.height - 2 * PADDING) / Math.max(bounds.height, 1),
    MAX_FIT_ZOOM,
  );
  if (fit >= MIN_READABLE_ZOOM)
    return {
      zoom: fit,
      x: view.width / 2 - (bounds.x + bounds.width / 2) * fit,
      y: view.height / 2 - (bounds.y + bounds.height / 2) * fit,
    };
  const zoom = MIN_READABLE_ZOOM;
  const focusY = entry ? entry.y + entry.height / 2 : bounds.y;
  const centred = view.height / 2 - focusY * zoom;
  const topAligned = PADDING - bounds.y * zoom;
  const bottomAligned = view.height - PADDING - (bounds.y + bounds.height) * zoom;
  return {
    zoom,
    x: PADDING - bounds.x * zoom,
    // Centre the start step, but don't scroll past the flow's top or bottom edge.
    y: Math.max(Math.min(centred, topAligned), bottomAligned),
  };
}
