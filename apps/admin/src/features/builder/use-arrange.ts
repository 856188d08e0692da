"use client";

import type { FlowDocument } from "@switchboard/flow";
import { type InternalNode, useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, useRef, useState } from "react";
import type { DraftAction } from "./draft";
import { arrangeFlow, ELK_MAX_STEPS, estimatedBox, type Point, type StepBox } from "./elk-layout";
import { browserElk } from "./elk-runner";
import { autoLayout } from "./layout";
import { type Rect, readableViewport } from "./readable-fit";
import type { StepNodeType } from "./step-node";

export interface Arrange {
  /** Lays the flow out with ELK (one undo step) and shows it at a readable zoom. */
  arrange: () => Promise<void>;
  arranging: boolean;
}

/** A step's size and handle positions as React Flow measured them; estimated if it hasn't yet. */
function measuredBox(node: InternalNode<StepNodeType> | undefined, fallback: StepBox): StepBox {
  const width = node?.measured.width;
  const height = node?.measured.height;
  const bounds = node?.internals.handleBounds;
  if (!width || !height || !bounds) return fallback;
  const centre = (h: { y: number; height: number }) => h.y + h.height / 2;
  const input = bounds.target?.find((h) => h.id === "in");
  return {
    width,
    height,
    inputY: input ? centre(input) : fallback.inputY,
    outputs: Object.fromEntries((bounds.source ?? []).map((h) => [h.id ?? "", centre(h)])),
  };
}

/** Auto-arrange: ELK's layered layout of the measured steps, then a fit at a readable zoom. */
export function useArrange({
  getDraft,
  dispatch,
  freeScreenArea,
}: {
  getDraft: () => FlowDocument;
  dispatch: (action: DraftAction) => void;
  /** The part of the canvas no panel covers (the side panel floats over its right side). */
  freeScreenArea: () => Rect | null;
}): Arrange {
  const rf = useReactFlow<StepNodeType>();
  const [arranging, setArranging] = useState(false);
  const running = useRef(false);

  const showReadably = useCallback(
    (doc: FlowDocument, boxes: Map<string, StepBox>) => {
      const area = freeScreenArea();
      if (!area || doc.steps.length === 0) return;
      const rects = doc.steps.map((s) => ({ id: s.id, ...s.position, ...boxes.get(s.id)! }));
      const x = Math.min(...rects.map((r) => r.x));
      const y = Math.min(...rects.map((r) => r.y));
      const bounds: Rect = {
        x,
        y,
        width: Math.max(...rects.map((r) => r.x + r.width)) - x,
        height: Math.max(...rects.map((r) => r.y + r.height)) - y,
      };
      const entry = rects.find((r) => r.id === doc.entryStepId);
      // Fitted into the free part, then moved to where that part starts on the canvas.
      const view = readableViewport(bounds, { width: area.width, height: area.height }, entry);
      void rf.setViewport({ ...view, x: view.x + area.x, y: view.y + area.y }, { duration: 300 });
    },
    [rf, freeScreenArea],
  );

  const arrange = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setArranging(true);
    try {
      const doc = getDraft();
      const boxes = new Map(
        doc.steps.map((s) => [s.id, measuredBox(rf.getInternalNode(s.id), estimatedBox(s))]),
      );
      let next: FlowDocument;
      let nextRoutes: Record<string, Point[]> = {};
      try {
        if (doc.steps.length > ELK_MAX_STEPS) throw new Error("too many steps for ELK");
        const arranged = await arrangeFlow(doc, boxes, browserElk);
        next = {
          ...doc,
          steps: doc.steps.map((s) => ({ ...s, position: arranged.positions[s.id] ?? s.position })),
        };
        nextRoutes = arranged.routes;
      } catch {
        // A huge flow, or ELK gave up: the quick column layout still untangles it.
        next = autoLayout(doc);
      }
      // Edits made while ELK was working are kept: only positions and the edges' routes (stored with
      // the draft, so a reload draws them the same) change, as one undo step.
      dispatch({
        type: "arrange",
        positions: Object.fromEntries(next.steps.map((s) => [s.id, s.position])),
        routes: nextRoutes,
      });
      requestAnimationFrame(() => showReadably(next, boxes));
    } finally {
      running.current = false;
      setArranging(false);
    }
  }, [getDraft, dispatch, rf, showReadably]);

  return useMemo(() => ({ arrange, arranging }), [arrange, arranging]);
}
