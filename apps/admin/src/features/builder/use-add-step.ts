"use client";

import { STEP_TYPES, type StepType } from "@switchboard/flow";
import { useReactFlow } from "@xyflow/react";
import { type DragEvent, useCallback, useMemo } from "react";
import { newStepId } from "@/lib/ids";
import { NODE_WIDTH } from "./canvas-model";
import type { DraftAction } from "./draft";
import { placeNewStep } from "./placement";
import { SIDE_PANEL_WIDTH } from "./side-panel-layout";
import type { StepNodeType } from "./step-node";
import { type CanvasView, nodeRect, UNMEASURED_HEIGHT } from "./use-canvas-view";

/** The drag data type of a step type dragged from the palette. */
export const DRAG_MIME = "application/x-switchboard-step";

export interface AddStep {
  /**
   * Adds a step at `at`, or else next to the selected step or in a free spot of the visible area
   * (never on top of another step), and selects it; returns its id.
   */
  addStep: (type: StepType, at?: { x: number; y: number }) => string;
  onDragOver: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
}

/**
 * Adding steps from the palette: a drop adds one where it was dropped; a click next to the selected
 * step or in a free spot of the view (placement.ts).
 */
export function useAddStep({
  dispatch,
  selectStep,
  canvasView,
}: {
  dispatch: (action: DraftAction) => void;
  selectStep: (stepId: string) => void;
  canvasView: CanvasView;
}): AddStep {
  const rf = useReactFlow<StepNodeType>();

  const addStep = useCallback(
    (type: StepType, at?: { x: number; y: number }) => {
      let position = at;
      if (!position) {
        const nodes = rf.getNodes();
        const selected = nodes.filter((n) => n.selected);
        const size = { width: NODE_WIDTH, height: UNMEASURED_HEIGHT };
        const free = canvasView.freeFlowArea() ?? { x: 0, y: 0, width: 1200, height: 800 };
        // Unless one step is selected already, selecting the new one opens the step panel over the
        // canvas' right side: place the step where it stays in view.
        const narrowed = selected.length === 1 ? 0 : SIDE_PANEL_WIDTH / rf.getZoom();
        const view = { ...free, width: Math.max(size.width, free.width - narrowed) };
        position = placeNewStep({
          obstacles: nodes.map(nodeRect),
          size,
          view,
          // With several selected, next to the last one selected.
          anchor: selected.length ? nodeRect(selected[selected.length - 1]!) : null,
        });
      }
      const id = newStepId();
      dispatch({ type: "add_step", id, stepType: type, position });
      // Select the new step once its node exists; then, with the side panel open (covering the
      // canvas' right side), bring it into view if it isn't (e.g. next to a selected step at the edge).
      requestAnimationFrame(() => {
        selectStep(id);
        if (at) return;
        requestAnimationFrame(() => {
          const node = rf.getNode(id);
          if (node) canvasView.show(nodeRect(node), { ifHidden: true });
        });
      });
      return id;
    },
    [rf, selectStep, dispatch, canvasView],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_MIME) as StepType;
      if (!STEP_TYPES.includes(type)) return;
      e.preventDefault();
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addStep(type, { x: p.x - NODE_WIDTH / 2, y: p.y - 30 });
    },
    [rf, addStep],
  );

  return useMemo(() => ({ addStep, onDragOver, onDrop }), [addStep, onDragOver, onDrop]);
}
