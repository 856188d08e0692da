/*
 * Where the side panel sits: over the canvas' right side, not beside it. Opening it beside the canvas
 * narrowed the canvas, and on a large flow that relayout and repaint of the whole canvas (and React
 * Flow's resize handling) were the long frames at the start of a drag that selects a step. What
 * floats in the canvas' right side (the test chat, the analytics toggle, the minimap) moves left of
 * the panel instead.
 */

/** The side panel's width, in pixels. */
export const SIDE_PANEL_WIDTH = 360;

/** Whether the side panel is open: one step selected (its settings) or several (what to do with them). */
export const sidePanelOpen = (selection: {
  selectedIds: readonly string[];
  selectedStep: unknown;
}): boolean => selection.selectedStep !== null || selection.selectedIds.length > 1;

/**
 * The `right` offset of something floating `gap` pixels from the canvas' right edge, so that it stays
 * clear of the side panel when that is open.
 */
export const rightOfCanvas = (panelOpen: boolean, gap: number): number =>
  panelOpen ? SIDE_PANEL_WIDTH + gap : gap;

/** Room kept around the flow by the controls' "fit view" button. */
const FIT_MARGIN = 40;

/**
 * The controls' fit-view options: with the panel open, the flow fits the part of the canvas left of
 * it (React Flow would fit the whole canvas, putting steps under the panel); closed, its defaults.
 */
export const controlsFitView = (panelOpen: boolean) =>
  panelOpen
    ? {
        padding: {
          top: `${FIT_MARGIN}px`,
          bottom: `${FIT_MARGIN}px`,
          left: `${FIT_MARGIN}px`,
          right: `${SIDE_PANEL_WIDTH + FIT_MARGIN}px`,
        } as const,
      }
    : undefined;
