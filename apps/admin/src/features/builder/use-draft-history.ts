"use client";

import type { FlowDocument } from "@switchboard/flow";
import { useCallback, useMemo, useReducer, useRef } from "react";
import type { DraftAction } from "./draft";
import { historyReducer, initialHistory } from "./history";

export interface DraftHistoryApi {
  draft: FlowDocument;
  /** The latest draft, for callbacks that shouldn't change with every edit. */
  getDraft: () => FlowDocument;
  /** Applies an edit as one undo step (typing into one field merges, see historyReducer). */
  dispatch: (action: DraftAction) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** The draft being edited, with undo/redo. */
export function useDraftHistory(initial: FlowDocument): DraftHistoryApi {
  const [history, dispatchHistory] = useReducer(historyReducer, initial, initialHistory);
  const draft = history.present;
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const getDraft = useCallback(() => draftRef.current, []);
  const dispatch = useCallback(
    (action: DraftAction) => dispatchHistory({ type: "do", action, at: Date.now() }),
    [],
  );
  const undo = useCallback(() => dispatchHistory({ type: "undo" }), []);
  const redo = useCallback(() => dispatchHistory({ type: "redo" }), []);
  const canUndo = history.past.length > 0;
  const canRedo = history.future.length > 0;

  return useMemo(
    () => ({ draft, getDraft, dispatch, undo, redo, canUndo, canRedo }),
    [draft, getDraft, dispatch, undo, redo, canUndo, canRedo],
  );
}
