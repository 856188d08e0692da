"use client";

import type { FlowDocument, Problem, Step } from "@switchboard/flow";
import {
  applyNodeChanges,
  type NodeChange,
  type ReactFlowState,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
} from "@xyflow/react";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  applyMeasured,
  connectedHandlesByStep,
  estimatedNode,
  isDragMove,
  MANY_STEPS,
  plainNode,
  syncNodes,
} from "./canvas-model";
import type { DraftAction } from "./draft";
import { createNodesStore, type NodesStore } from "./nodes-store";
import type { Positions } from "./pending-moves";
import { readableViewport } from "./readable-fit";
import type { StepNodeData, StepNodeType } from "./step-node";
import { NO_PROBLEMS } from "./use-stable-problems";

const FIT = { padding: 0.15, maxZoom: 1 };
const paneSized = (s: ReactFlowState) => s.width > 0 && s.height > 0;

export interface CanvasNodes {
  /** The nodes; only the canvas subscribes to them (useCanvasNodeList). */
  store: NodesStore;
  setNodes: Dispatch<SetStateAction<StepNodeType[]>>;
  onNodesChange: (changes: NodeChange<StepNodeType>[]) => void;
  /** False until the first fit of the view: the canvas stays hidden so nodes don't jump. */
  viewReady: boolean;
}

/**
 * The canvas' nodes, kept in step with the draft. React Flow owns positions while dragging; the draft
 * gets them on drop (after the drop's frame is painted: use-draft-history's moveLater). A node's data
 * object only changes when something it shows does, so memoized nodes don't re-render for other
 * steps' edits.
 */
export function useCanvasNodes({
  initial,
  draft,
  problemsByStep,
  dispatch,
  moveLater,
}: {
  initial: FlowDocument;
  draft: FlowDocument;
  problemsByStep: Map<string, Problem[]>;
  dispatch: (action: DraftAction) => void;
  /** A drop's positions into the draft, after the drop's frame (the nodes show them already). */
  moveLater: (positions: Positions) => void;
}): CanvasNodes {
  const rf = useReactFlow<StepNodeType>();
  const connectedByStep = useMemo(() => connectedHandlesByStep(draft.edges), [draft.edges]);

  const dataCache = useRef(new Map<string, StepNodeData>());
  const dataFor = useCallback(
    (step: Step, entryStepId: string | null): StepNodeData => {
      const isEntry = entryStepId === step.id;
      const problems = problemsByStep.get(step.id) ?? NO_PROBLEMS;
      const connected = connectedByStep.get(step.id) ?? "";
      const cached = dataCache.current.get(step.id);
      if (
        cached &&
        cached.step === step &&
        cached.isEntry === isEntry &&
        cached.problems === problems &&
        cached.connected === connected
      )
        return cached;
      const data: StepNodeData = { step, isEntry, problems, connected };
      dataCache.current.set(step.id, data);
      return data;
    },
    [problemsByStep, connectedByStep],
  );

  // A large flow starts from estimated nodes, so that only the steps on screen are rendered.
  const many = initial.steps.length > MANY_STEPS;
  const [store] = useState(() =>
    createNodesStore(
      initial.steps.map((s) => {
        const data = dataFor(s, initial.entryStepId);
        return many ? estimatedNode(s, data) : plainNode(s, data);
      }),
    ),
  );
  const setNodes = store.set;

  useEffect(() => {
    setNodes((prev) => {
      // New steps in a large flow (e.g. an import replacing the draft) start from estimates too.
      const newNode = draft.steps.length > MANY_STEPS ? estimatedNode : plainNode;
      const next = syncNodes(prev, draft.steps, (step) => dataFor(step, draft.entryStepId), newNode);
      if (next === prev) return prev;
      const ids = new Set(draft.steps.map((s) => s.id));
      for (const id of dataCache.current.keys()) if (!ids.has(id)) dataCache.current.delete(id);
      return next;
    });
  }, [draft.steps, draft.entryStepId, dataFor, setNodes]);

  // Fit the whole flow once every node has been measured. A large flow's steps off screen never are:
  // it opens as soon as the canvas has its size, at a readable zoom from its start step, as after
  // auto-arrange (fitting 2,000 steps would show hundreds of unreadable ones, each costly to draw).
  const nodesInitialized = useNodesInitialized();
  const sized = useStore(paneSized);
  const flowStore = useStoreApi<StepNodeType>();
  // An empty flow has nothing to fit: its first step stays where it was dropped.
  const fitted = useRef(initial.steps.length === 0);
  const [viewReady, setViewReady] = useState(initial.steps.length === 0);
  useEffect(() => {
    if (fitted.current || !(many ? sized : nodesInitialized)) return;
    fitted.current = true;
    if (!many) {
      void rf.fitView(FIT).then(() => setViewReady(true));
      return;
    }
    const { width, height } = flowStore.getState();
    const bounds = rf.getNodesBounds(rf.getNodes());
    const entry = initial.entryStepId ? rf.getNodesBounds([initial.entryStepId]) : undefined;
    void rf.setViewport(readableViewport(bounds, { width, height }, entry)).then(() => setViewReady(true));
  }, [many, sized, nodesInitialized, rf, flowStore, initial.entryStepId]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNodeType>[]) => {
      if (isDragMove(changes)) {
        // A drag's move goes to React Flow's store directly, as the `nodes` prop would after a
        // re-render of the canvas (and of React Flow's component, and a passive effect): on a large
        // flow that round trip was a good part of every move's frame. The canvas reads them on its
        // next render, at the latest the drop's.
        const next = applyNodeChanges(changes, store.get());
        store.setUnseen(next);
        flowStore.getState().setNodes(next);
        return;
      }
      setNodes((prev) => applyMeasured(prev, changes, applyNodeChanges));
      const removed: string[] = [];
      const positions: Positions = {};
      let moved = false;
      for (const c of changes) {
        if (c.type === "remove") removed.push(c.id);
        else if (c.type === "position" && c.position && !c.dragging) {
          positions[c.id] = c.position;
          moved = true;
        }
      }
      if (removed.length) dispatch({ type: "remove", stepIds: removed });
      if (moved) moveLater(positions);
    },
    [dispatch, moveLater, setNodes, store, flowStore],
  );

  return useMemo(
    () => ({ store, setNodes, onNodesChange, viewReady }),
    [store, setNodes, onNodesChange, viewReady],
  );
}
