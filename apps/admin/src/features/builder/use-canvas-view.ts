"use client";

import { type Node, useReactFlow } from "@xyflow/react";
import { type RefObject, useCallback, useMemo } from "react";
import { NODE_WIDTH } from "./canvas-model";
import { areaInFlow, isShown, uncoveredArea, viewportShowing } from "./canvas-view";
import type { Rect } from "./placement";
import type { StepNodeType } from "./step-node";

/** The canvas' zoom limits (canvas.tsx). */
export const CANVAS_ZOOM = { minZoom: 0.1, maxZoom: 2 };
/** Marks a panel floating over the canvas (the test chat): steps shown or placed stay clear of it. */
export const CANVAS_COVER_ATTR = "data-canvas-cover";
/** A step's height before React Flow has measured it. */
export const UNMEASURED_HEIGHT = 140;

export interface CanvasView {
  /** The part of the canvas no panel covers, in screen pixels from its top-left corner (null before mount). */
  freeScreenArea: () => Rect | null;
  /** The visible part of the canvas no panel covers, in flow coordinates (null before mount). */
  freeFlowArea: () => Rect | null;
  /** Moves the view so the node's box sits in the middle of the free area; `ifHidden`: only when it isn't all in view. */
  show: (node: Rect, opts?: { ifHidden?: boolean }) => void;
}

export const nodeRect = (node: Node): Rect => ({
  x: node.position.x,
  y: node.position.y,
  width: node.measured?.width ?? NODE_WIDTH,
  height: node.measured?.height ?? UNMEASURED_HEIGHT,
});

/** The canvas' free area (without the panels over it) and moving the view to a step. */
export function useCanvasView(canvasRef: RefObject<HTMLDivElement | null>): CanvasView {
  const rf = useReactFlow<StepNodeType>();

  /** Screen pixels from the canvas' top-left corner. */
  const freeArea = useCallback((): Rect | null => {
    const el = canvasRef.current;
    if (!el) return null;
    const box = el.getBoundingClientRect();
    const covers = [...el.querySelectorAll(`[${CANVAS_COVER_ATTR}]`)].map((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height };
    });
    return uncoveredArea(box.width, box.height, covers);
  }, [canvasRef]);

  const freeFlowArea = useCallback(() => {
    const area = freeArea();
    return area ? areaInFlow(area, rf.getViewport()) : null;
  }, [freeArea, rf]);

  const show = useCallback(
    (node: Rect, { ifHidden = false } = {}) => {
      const area = freeArea();
      if (!area) return;
      const current = rf.getViewport();
      if (ifHidden && isShown(node, area, current)) return;
      void rf.setViewport(viewportShowing(node, area, current, CANVAS_ZOOM), { duration: 350 });
    },
    [freeArea, rf],
  );

  return useMemo(() => ({ freeScreenArea: freeArea, freeFlowArea, show }), [freeArea, freeFlowArea, show]);
}
