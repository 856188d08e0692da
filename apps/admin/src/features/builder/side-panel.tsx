"use client";

import { stepRegistry, variablesInScope, variableWriters } from "@switchboard/flow";
import { useCallback, useMemo } from "react";
import { newStepId } from "@/lib/ids";
import { useBuilder } from "./builder-context";
import type { StepPatch } from "./draft";
import { useBuilderEnvironment } from "./environment-context";
import { VariableSourcesContext } from "./fields/variable-sources";
import { SIDE_PANEL_WIDTH } from "./side-panel-layout";
import { StepPanel } from "./step-panel";
import { NO_PROBLEMS } from "./use-stable-problems";

// Its size is its own and its layout and paint are contained: opening it leaves the canvas alone.
const PANEL_CLASS =
  "absolute inset-y-0 right-0 z-20 border-l border-zinc-200 bg-white shadow-[-6px_0_20px_-8px_rgba(24,24,27,0.18)] [contain:strict]";
const panelStyle = { width: SIDE_PANEL_WIDTH };

/**
 * Over the canvas' right side (side-panel-layout.ts; rendered inside the canvas, marked as covering
 * it): the selected step's settings, or what can be done with several steps.
 */
export function SidePanel() {
  const { draft, dispatch, compiled, selection } = useBuilder();
  const { selectedStep, selectedIds, selectStep } = selection;
  const environment = useBuilderEnvironment();

  // Stable callbacks: the memoized step panel only re-renders for its own step's changes.
  const onPatch = useCallback(
    (id: string, patch: StepPatch) => dispatch({ type: "update_step", id, patch }),
    [dispatch],
  );
  const onMergeConfig = useCallback(
    (id: string, values: Record<string, unknown>) => dispatch({ type: "merge_config", id, values }),
    [dispatch],
  );
  const onMakeEntry = useCallback((id: string) => dispatch({ type: "set_entry", id }), [dispatch]);
  const onDelete = useCallback((id: string) => dispatch({ type: "remove", stepIds: [id] }), [dispatch]);
  const onDuplicate = useCallback(
    (id: string) => {
      const newId = newStepId();
      dispatch({ type: "duplicate_step", id, newId });
      requestAnimationFrame(() => selectStep(newId));
    },
    [selectStep, dispatch],
  );
  const onClose = useCallback(() => selectStep(null), [selectStep]);
  // The variables steps upstream of the selected one write; the same array while they don't change.
  // Walking the graph takes milliseconds in a large flow: only when the draft or the step changes,
  // not on each of the builder's re-renders (selection, save state).
  const selectedId = selectedStep?.id;
  const scopeKey = useMemo(
    () => (selectedId ? variablesInScope(draft, selectedId).join("\n") : ""),
    [draft, selectedId],
  );
  const variables = useMemo(() => (scopeKey ? scopeKey.split("\n") : []), [scopeKey]);
  const sourcesKey = useMemo(
    () => (selectedId ? variableSourcesKey(draft, selectedId) : "{}"),
    [draft, selectedId],
  );
  const sources = useMemo(() => JSON.parse(sourcesKey) as Record<string, string>, [sourcesKey]);

  if (selectedStep)
    return (
      <aside className={PANEL_CLASS} style={panelStyle} data-canvas-cover="" key={selectedStep.id}>
        <VariableSourcesContext.Provider value={sources}>
          <StepPanel
            step={selectedStep}
            isEntry={draft.entryStepId === selectedStep.id}
            problems={compiled.problemsByStep.get(selectedStep.id) ?? NO_PROBLEMS}
            variables={variables}
            environment={environment}
            onPatch={onPatch}
            onMergeConfig={onMergeConfig}
            onMakeEntry={onMakeEntry}
            onDelete={onDelete}
            onDuplicate={onDuplicate}
            onClose={onClose}
          />
        </VariableSourcesContext.Provider>
      </aside>
    );
  if (selectedIds.length > 1)
    return (
      <aside className={`${PANEL_CLASS} p-4`} style={panelStyle} data-canvas-cover="">
        <p className="text-sm font-semibold text-zinc-900">{selectedIds.length} steps selected</p>
        <p className="mt-1 text-xs text-zinc-500">
          Drag to move them together, or press Delete to remove them.
        </p>
        <button
          type="button"
          onClick={() => dispatch({ type: "remove", stepIds: selectedIds })}
          className="mt-4 rounded-lg bg-red-50 px-3 py-1.5 text-xs font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-100"
        >
          Delete {selectedIds.length} steps
        </button>
      </aside>
    );
  return null;
}

/** Variable → the names of the steps before `stepId` that set it, as JSON (a stable memo key). */
function variableSourcesKey(draft: Parameters<typeof variableWriters>[0], stepId: string): string {
  const out: Record<string, string> = {};
  for (const [name, steps] of variableWriters(draft, stepId))
    out[name] = steps.map((s) => s.title.trim() || stepRegistry[s.type].label).join(", ");
  return JSON.stringify(out);
}
