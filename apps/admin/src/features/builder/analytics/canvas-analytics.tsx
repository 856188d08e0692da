"use client";

import { Panel } from "@xyflow/react";
import { useCallback, useMemo } from "react";
import { makeIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useBuilder } from "../builder-context";
import { rightOfCanvas, sidePanelOpen } from "../side-panel-layout";
import { AnalyticsOverlay } from "./analytics-overlay";
import { AnalyticsPanel } from "./analytics-panel";
import { useOverlayStats, useStepAnalytics } from "./use-step-analytics";

const ChartIcon = makeIcon("ChartIcon", <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />);

/**
 * Analytics on the canvas: a toggle over the canvas' top-right corner (left of the side panel); when on, the published
 * version's per-step figures over the nodes and outputs, and a panel to pick the version and period.
 * Lives inside <ReactFlow>.
 */
export function CanvasAnalytics() {
  const { flow, draft, selection } = useBuilder();
  // Left of the side panel when that is open (React Flow adds its panel margin).
  const panelOpen = sidePanelOpen(selection);
  const view = useStepAnalytics(flow.id);
  const stepIds = useMemo(() => draft.steps.map((s) => s.id), [draft.steps]);
  const stats = useOverlayStats(view.open ? view.analytics : undefined, stepIds);
  const titleOf = useCallback(
    (stepId: string) => draft.steps.find((s) => s.id === stepId)?.title || "Random split",
    [draft.steps],
  );
  return (
    <>
      <Panel
        position="top-right"
        className="flex flex-col items-end"
        style={panelOpen ? { right: rightOfCanvas(true, 0) } : undefined}
      >
        <button
          type="button"
          onClick={() => view.setOpen(!view.open)}
          aria-pressed={view.open}
          className={cn(
            "inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-xs font-medium shadow-sm ring-1",
            view.open
              ? "bg-indigo-600 text-white ring-indigo-700 hover:bg-indigo-700"
              : "bg-white text-zinc-600 ring-zinc-200 hover:bg-zinc-50 hover:text-zinc-900",
          )}
          data-testid="analytics-toggle"
          title="Show how conversations went through the published flow"
        >
          <ChartIcon size={14} /> Analytics
        </button>
        {view.open && (
          <AnalyticsPanel view={view} notInVersion={stats?.notInVersion ?? 0} titleOf={titleOf} />
        )}
      </Panel>
      {stats && <AnalyticsOverlay stats={stats} />}
    </>
  );
}
