"use client";

import type { FlowDocument } from "@switchboard/flow";
import { startTransition, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { DraftAction } from "./draft";
import { createEditGrouper, isTextEntry } from "./edit-groups";
import { historyReducer, initialHistory } from "./history";
import { afterNextPaint, createPendingMoves, type Positions } from "./pending-moves";

export interface DraftHistoryApi {
  draft: FlowDocument;
  /** The latest draft, for callbacks that shouldn't change with every edit. */
  getDraft: () => FlowDocument;
  /**
   * Applies an edit. Everything dispatched in one event handler is one undo step, and so is a
   * typing session in one field (see edit-groups.ts).
   */
  dispatch: (action: DraftAction) => void;
  /**
   * Moves steps (a drop on the canvas, which shows them there already) in a `move` edit made after
   * the drop's frame is painted, as a transition (pending-moves.ts). Any other edit, undo or redo
   * commits it first.
   */
  moveLater: (positions: Positions) => void;
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

  const [grouper] = useState(() =>
    createEditGrouper({
      activeField: () => {
        const el = typeof document === "undefined" ? null : document.activeElement;
        return isTextEntry(el) ? el : null;
      },
      defer: (fn) => setTimeout(fn, 0),
    }),
  );
  useEffect(() => {
    const onFocusOut = (e: FocusEvent) => {
      if (e.target) grouper.endSession(e.target);
    };
    document.addEventListener("focusout", onFocusOut);
    return () => document.removeEventListener("focusout", onFocusOut);
  }, [grouper]);

  const getDraft = useCallback(() => draftRef.current, []);
  const apply = useCallback(
    (action: DraftAction) => dispatchHistory({ type: "do", action, group: grouper.groupFor(action) }),
    [grouper],
  );
  const [moves] = useState(() =>
    createPendingMoves({
      schedule: (commitLater) => afterNextPaint(() => startTransition(commitLater)),
      commit: (positions) => apply({ type: "move", positions }),
    }),
  );
  const dispatch = useCallback(
    (action: DraftAction) => {
      moves.flush();
      apply(action);
    },
    [moves, apply],
  );
  const undo = useCallback(() => {
    moves.flush();
    dispatchHistory({ type: "undo" });
  }, [moves]);
  const redo = useCallback(() => {
    moves.flush();
    dispatchHistory({ type: "redo" });
  }, [moves]);
  const canUndo = history.past.length > 0;
  const canRedo = history.future.length > 0;

  return useMemo(
    () => ({ draft, getDraft, dispatch, moveLater: moves.add, undo, redo, canUndo, canRedo }),
    [draft, getDraft, dispatch, moves, undo, redo, canUndo, canRedo],
  );
}
