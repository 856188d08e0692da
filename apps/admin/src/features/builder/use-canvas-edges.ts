"use client";

import type { FlowDocument } from "@switchboard/flow";
import type { Connection, EdgeChange, FinalConnectionState, Edge as RFEdge } from "@xyflow/react";
import { type Dispatch, type SetStateAction, useCallback, useMemo, useRef } from "react";
import { canvasEdges } from "./canvas-model";
import { connectionToBody, nodeIdAt } from "./connect-drop";
import type { DraftAction } from "./draft";
import { isBundleId } from "./edge-bundles";

export interface CanvasEdges {
  edges: RFEdge[];
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (c: Connection) => void;
  /** A connection let go over a step's body connects to that step (connect-drop.ts). */
  onConnectEnd: (event: MouseEvent | TouchEvent, state: FinalConnectionState) => void;
}

/** The canvas' edges, derived from the draft; deleting and connecting edit the draft. */
export function useCanvasEdges({
  draft,
  selectedEdges,
  setSelectedEdges,
  dispatch,
}: {
  draft: FlowDocument;
  selectedEdges: ReadonlySet<string>;
  setSelectedEdges: Dispatch<SetStateAction<ReadonlySet<string>>>;
  dispatch: (action: DraftAction) => void;
}): CanvasEdges {
  // The last edges, so that an edit keeps the objects of the edges it didn't change.
  const last = useRef<RFEdge[]>([]);
  const edges = useMemo(() => {
    last.current = canvasEdges(draft.steps, draft.edges, selectedEdges, last.current);
    return last.current;
  }, [draft.steps, draft.edges, selectedEdges]);

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      // A bundle (edge-bundles.ts) is not an edge of the draft: React Flow removes it with its step.
      const removed = changes.flatMap((c) => (c.type === "remove" && !isBundleId(c.id) ? [c.id] : []));
      if (removed.length) dispatch({ type: "remove", edgeIds: removed });
      const selects = changes.filter((c) => c.type === "select");
      if (selects.length)
        setSelectedEdges((prev) => {
          const next = new Set(prev);
          for (const c of selects) {
            if (c.selected) next.add(c.id);
            else next.delete(c.id);
          }
          return next;
        });
    },
    [dispatch, setSelectedEdges],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target || !c.sourceHandle) return;
      dispatch({ type: "connect", source: c.source, sourceHandle: c.sourceHandle, target: c.target });
    },
    [dispatch],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const c = connectionToBody(state, nodeIdAt(event));
      if (c) dispatch({ type: "connect", ...c });
    },
    [dispatch],
  );

  return useMemo(
    () => ({ edges, onEdgesChange, onConnect, onConnectEnd }),
    [edges, onEdgesChange, onConnect, onConnectEnd],
  );
}
