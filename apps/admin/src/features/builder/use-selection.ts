"use client";

import type { FlowDocument, Problem, Step } from "@switchboard/flow";
import { type OnSelectionChangeParams, useReactFlow } from "@xyflow/react";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useMemo, useState } from "react";
import { afterNextPaint } from "./after-next-paint";
import { sameIdsOr, sameSetOr, stepOfProblem } from "./canvas-model";
import { createPressGate } from "./press-gate";
import type { StepNodeType } from "./step-node";
import { type CanvasView, nodeRect } from "./use-canvas-view";

export interface Selection {
  /** Selected steps, in React Flow's order. */
  selectedIds: string[];
  /** The step the side panel edits: the only selected one. */
  selectedStep: Step | null;
  selectedEdges: ReadonlySet<string>;
  setSelectedEdges: Dispatch<SetStateAction<ReadonlySet<string>>>;
  onSelectionChange: (params: OnSelectionChangeParams) => void;
  /** Selects one step (or none), optionally scrolling the canvas to it. */
  selectStep: (stepId: string | null, center?: boolean) => void;
  /** Selects a step and scrolls to it, clear of the test chat (e.g. from a test-chat message). */
  showStep: (stepId: string) => void;
  /** Selects and shows the step a problem is about; true if there is one. */
  focusProblem: (p: Problem) => boolean;
}

export function useSelection({
  draft,
  getDraft,
  setNodes,
  canvasView,
}: {
  draft: FlowDocument;
  getDraft: () => FlowDocument;
  setNodes: Dispatch<SetStateAction<StepNodeType[]>>;
  canvasView: CanvasView;
}): Selection {
  const rf = useReactFlow<StepNodeType>();
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());

  // While the pointer is pressed on a step, the builder's selection (and so the side panel) waits for
  // the release (press-gate.ts): a drag starting on an unselected step stays smooth.
  const [gate] = useState(() => createPressGate((fn) => afterNextPaint(fn)));
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (e.target instanceof Element && e.target.closest(".react-flow__node")) gate.press();
    };
    const onUp = () => gate.release();
    document.addEventListener("pointerdown", onDown, true);
    window.addEventListener("pointerup", onUp, true);
    window.addEventListener("pointercancel", onUp, true);
    window.addEventListener("blur", onUp);
    return () => {
      document.removeEventListener("pointerdown", onDown, true);
      window.removeEventListener("pointerup", onUp, true);
      window.removeEventListener("pointercancel", onUp, true);
      window.removeEventListener("blur", onUp);
    };
  }, [gate]);

  const onSelectionChange = useCallback(
    ({ nodes, edges }: OnSelectionChangeParams) => {
      const ids = nodes.map((x) => x.id);
      const edgeIds = new Set(edges.map((x) => x.id));
      gate.run(() => {
        setSelectedIds((prev) => sameIdsOr(prev, ids));
        setSelectedEdges((prev) => sameSetOr(prev, edgeIds));
      });
    },
    [gate],
  );

  const selectStep = useCallback(
    (stepId: string | null, center = false) => {
      setNodes((prev) =>
        prev.map((n) => {
          const selected = n.id === stepId;
          return n.selected === selected ? n : { ...n, selected };
        }),
      );
      setSelectedEdges(new Set());
      if (stepId && center) {
        const node = rf.getNode(stepId);
        if (node) canvasView.show(nodeRect(node));
      }
    },
    [rf, setNodes, canvasView],
  );

  const showStep = useCallback((stepId: string) => selectStep(stepId, true), [selectStep]);
  const focusProblem = useCallback(
    (p: Problem) => {
      const stepId = stepOfProblem(p, getDraft());
      if (stepId) selectStep(stepId, true);
      return stepId !== null;
    },
    [getDraft, selectStep],
  );

  const selectedStep =
    selectedIds.length === 1 ? (draft.steps.find((s) => s.id === selectedIds[0]) ?? null) : null;

  return useMemo(
    () => ({
      selectedIds,
      selectedStep,
      selectedEdges,
      setSelectedEdges,
      onSelectionChange,
      selectStep,
      showStep,
      focusProblem,
    }),
    [selectedIds, selectedStep, selectedEdges, onSelectionChange, selectStep, showStep, focusProblem],
  );
}
