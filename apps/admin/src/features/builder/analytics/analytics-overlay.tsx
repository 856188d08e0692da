"use client";

import { useInternalNode, ViewportPortal } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/lib/cn";
import { type NodeStat, type OverlayStats, outputKey } from "./overlay-model";

/**
 * The figures drawn over the canvas: a pill above each step (reached, stopped), a red outline around
 * drop-offs, and at each output the conversations that left through it. Drawn in the viewport's
 * coordinates beside the nodes (not inside them), so the step nodes stay as they are.
 */
export function AnalyticsOverlay({ stats }: { stats: OverlayStats }) {
  return (
    <ViewportPortal>
      <div data-testid="analytics-overlay">
        {[...stats.nodes.values()].map((stat) => (
          <StepFigures key={stat.stepId} stat={stat} stats={stats} />
        ))}
      </div>
    </ViewportPortal>
  );
}

const StepFigures = memo(function StepFigures({ stat, stats }: { stat: NodeStat; stats: OverlayStats }) {
  // Follows the node while it is dragged or resized.
  const node = useInternalNode(stat.stepId);
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? 0;
  const height = node.measured.height ?? 0;
  const handles = node.internals.handleBounds?.source ?? [];
  return (
    <>
      {stat.dropOff && (
        <div
          className="pointer-events-none absolute rounded-2xl ring-2 ring-red-500/80 ring-offset-2 ring-offset-red-50"
          style={{ transform: `translate(${x}px, ${y}px)`, width, height }}
          data-testid={`analytics-dropoff-${stat.stepId}`}
        />
      )}
      <div
        className={cn(
          "pointer-events-auto absolute rounded-full px-2 py-0.5 text-[11px] font-semibold whitespace-nowrap shadow-sm ring-1",
          stat.dropOff
            ? "bg-red-600 text-white ring-red-700"
            : stat.reached
              ? "bg-indigo-600 text-white ring-indigo-700"
              : "bg-white text-zinc-500 ring-zinc-300",
        )}
        style={{ transform: `translate(${x}px, ${y - 26}px)` }}
        title={stat.title}
        data-testid={`analytics-node-${stat.stepId}`}
        data-reached={stat.reached}
        data-stopped={stat.stopped}
        data-dropoff={stat.dropOff || undefined}
      >
        {stat.text}
      </div>
      {handles.map((h) => {
        const output = h.id ? stats.outputs.get(outputKey(stat.stepId, h.id)) : undefined;
        if (!output) return null;
        return (
          <div
            key={h.id}
            className={cn(
              "pointer-events-none absolute rounded-md px-1.5 py-px text-[10px] font-semibold whitespace-nowrap ring-1",
              output.ended
                ? "bg-zinc-100 text-zinc-600 ring-zinc-300"
                : "bg-indigo-50 text-indigo-700 ring-indigo-200",
            )}
            style={{ transform: `translate(${x + h.x + h.width + 6}px, ${y + h.y + h.height / 2 - 18}px)` }}
            title={output.ended ? "Left through this output, which leads nowhere: ended here" : undefined}
            data-testid={`analytics-output-${stat.stepId}-${h.id}`}
            data-count={output.count}
          >
            {output.text}
          </div>
        );
      })}
    </>
  );
});
