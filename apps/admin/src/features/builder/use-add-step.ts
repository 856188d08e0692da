"use client";

import { STEP_TYPES, type StepType } from "@switchboard/flow";
import { useReactFlow } from "@xyflow/react";
import { type DragEvent, type RefObject, useCallback, useMemo, useRef } from "react";
import { newStepId } from "@/lib/ids";
import { NODE_WIDTH } from "./canvas-model";
import type { DraftAction } from "./draft";
import type { StepNodeType } from "./step-node";

/** The drag data type of a step type dragged from the palette. */
export const DRAG_MIME = "application/x-switchboard-step";

export interface AddStep {
  /** The canvas element, to place clicked steps in the middle of what's visible. */
  canvasRef: RefObject<HTMLDivElement | null>;
  /** Adds a step (in the middle of the view unless `at` is given) and selects it; returns its id. */
  addStep: (type: StepType, at?: { x: number; y: number }) => string;
  onDragOver: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
}

/** Adding steps from the palette: a click adds one mid-view, a drop adds it where it was dropped. */
export function useAddStep({
  dispatch,
  selectStep,
}: {
  dispatch: (action: DraftAction) => void;
  selectStep: (stepId: string) => void;
}): AddStep {
  const rf = useReactFlow<StepNodeType>();
  const canvasRef = useRef<HTMLDivElement>(null);
  const addCount = useRef(0);

  const addStep = useCallback(
    (type: StepType, at?: { x: number; y: number }) => {
      let position = at;
      if (!position) {
        const rect = canvasRef.current?.getBoundingClientRect();
        const center = rect
          ? rf.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
          : { x: 0, y: 0 };
        // Steps added one after another fan out instead of landing on each other.
        const jitter = (addCount.current++ % 6) * 28;
        position = { x: center.x - NODE_WIDTH / 2 + jitter, y: center.y - 60 + jitter };
      }
      const id = newStepId();
      dispatch({ type: "add_step", id, stepType: type, position });
      // Select the new step once its node exists.
      requestAnimationFrame(() => selectStep(id));
      return id;
    },
    [rf, selectStep, dispatch],
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

  return useMemo(() => ({ canvasRef, addStep, onDragOver, onDrop }), [addStep, onDragOver, onDrop]);
}
