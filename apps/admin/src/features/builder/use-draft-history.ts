"use client";

import type { FlowDocument } from "@switchboard/flow";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { afterNextPaint } from "./after-next-paint";
import type { DraftAction } from "./draft";
import { createEditGrouper, isTextEntry } from "./edit-groups";
import { historyReducer, initialHistory } from "./history";
import { createPendingMoves, type Positions } from "./pending-moves";

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
   * the drop's frame is painted (pending-moves.ts). Any other edit, undo or redo commits it first.
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
      // Rendered at once, not as a transition: React renders an undo that comes before a pending
      // transition first, which leaves the node where it was dropped (as batching would, below).
      schedule: (commitLater) => afterNextPaint(() => flushSync(commitLater)),
      commit: (positions) => apply({ type: "move", positions }),
    }),
  );
  // A pending move is committed in a render of its own before anything else: batched with an undo,
  // the draft would go from before the move straight back to it (the same step objects), and the
  // canvas, which only follows steps that changed, would leave the node where it was dropped.
  const flushMoves = useCallback(() => {
    if (moves.pending()) flushSync(moves.flush);
  }, [moves]);
  const dispatch = useCallback(
    (action: DraftAction) => {
      flushMoves();
      apply(action);
    },
    [flushMoves, apply],
  );
  const undo = useCallback(() => {
    flushMoves();
    dispatchHistory({ type: "undo" });
  }, [flushMoves]);
  const redo = useCallback(() => {
    flushMoves();
    dispatchHistory({ type: "redo" });
  }, [flushMoves]);
  const canUndo = history.past.length > 0;
  const canRedo = history.future.length > 0;

  return useMemo(
    () => ({ draft, getDraft, dispatch, moveLater: moves.add, undo, redo, canUndo, canRedo }),
    [draft, getDraft, dispatch, moves, undo, redo, canUndo, canRedo],
  );
}
