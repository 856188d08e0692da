"use client";

import type { FlowDocument } from "@switchboard/flow";
import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import type { DraftAction } from "./draft";
import type { StepNodeType } from "./step-node";

export type ReplaceDraft = (doc: FlowDocument, opts?: { alreadySaved?: boolean }) => void;

/** Edits that swap the whole draft (an import, a rollback), then fit the view to it. (Auto-arrange: use-arrange.ts.) */
export function useReplaceDraft({
  dispatch,
  markSaved,
  selectStep,
}: {
  dispatch: (action: DraftAction) => void;
  markSaved: (doc: FlowDocument) => void;
  selectStep: (stepId: string | null) => void;
}) {
  const rf = useReactFlow<StepNodeType>();

  /** Replaces the draft (one undo step); `alreadySaved` when the server holds it already. */
  const replaceDraft = useCallback<ReplaceDraft>(
    (doc, opts = {}) => {
      if (opts.alreadySaved) markSaved(doc);
      dispatch({ type: "replace", document: doc });
      selectStep(null);
      requestAnimationFrame(() => rf.fitView({ padding: 0.2, duration: 300, maxZoom: 1 }));
    },
    [markSaved, rf, selectStep, dispatch],
  );

  return { replaceDraft };
}
