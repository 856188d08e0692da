"use client";

import { type Problem, type Step, stepOutputs, stepRegistry } from "@switchboard/flow";
import { Handle, type Node, type NodeProps, Position, useUpdateNodeInternals } from "@xyflow/react";
import { memo, useEffect, useRef } from "react";
import { AlertIcon, FlagIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useBuilderEnvironment } from "./environment-context";
import { OutputRow } from "./node-parts";
import { NodeBadges } from "./step-common/node-badges";
import { builderStepUI } from "./steps";

export interface StepNodeData extends Record<string, unknown> {
  step: Step;
  isEntry: boolean;
  /** This step's problems; the array is kept stable while its contents don't change. */
  problems: Problem[];
  /** Output handles that have a connection, joined by "\n". */
  connected: string;
}
export type StepNodeType = Node<StepNodeData, "step">;

function StepNodeComponent({ id, data, selected }: NodeProps<StepNodeType>) {
  const { step, isEntry, problems, connected } = data;
  const ui = builderStepUI(step.type);
  const def = stepRegistry[step.type];
  const environment = useBuilderEnvironment();
  const Icon = ui.icon;
  const outputs = stepOutputs(step);
  const connectedSet = new Set(connected ? connected.split("\n") : []);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;

  // Handles move when buttons are added, removed or reordered: let React Flow re-measure them.
  const handlesKey = outputs.map((o) => o.handle).join("|");
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredKey = useRef(handlesKey);
  useEffect(() => {
    // React Flow measures new nodes itself; only a change of handles needs a re-measure.
    if (measuredKey.current === handlesKey) return;
    measuredKey.current = handlesKey;
    updateNodeInternals(id);
  }, [id, handlesKey, updateNodeInternals]);

  return (
    <div
      data-testid={`step-node-${step.id}`}
      data-step-type={step.type}
      data-entry={isEntry || undefined}
      data-errors={errors}
      className={cn(
        "group/node w-64 rounded-xl bg-white text-left shadow-sm ring-1 transition-shadow",
        selected
          ? "shadow-md ring-2 ring-brand-500"
          : errors
            ? "ring-red-300 hover:shadow-md"
            : "ring-zinc-200 hover:shadow-md hover:ring-zinc-300",
      )}
    >
      <div className={cn("h-1 rounded-t-xl", ui.accent)} />
      <div className="relative flex items-start gap-2.5 px-3 pt-2.5 pb-2">
        <Handle
          type="target"
          position={Position.Left}
          id="in"
          className="sb-handle sb-handle-target"
          style={{ top: 22 }}
          data-testid="handle-in"
        />
        <span
          className={cn("mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-lg ring-1", ui.tile)}
        >
          <Icon size={15} />
        </span>
        <div className="min-w-0 flex-1">
          <p
            className={cn("truncate text-sm font-semibold", step.title ? "text-zinc-900" : "text-zinc-500")}
            title={step.title || def.label}
          >
            {step.title || def.label}
          </p>
          <p className="text-[11px] font-medium tracking-wide text-zinc-400 uppercase">{def.label}</p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          {isEntry && (
            <span
              className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-1.5 py-0.5 text-[10px] font-semibold text-emerald-700 ring-1 ring-emerald-600/20"
              data-testid="start-badge"
            >
              <FlagIcon size={10} /> Start
            </span>
          )}
          {problems.length > 0 && (
            <span className="group/problems relative">
              <span
                className={cn(
                  "inline-flex items-center gap-1 rounded-full px-1.5 py-0.5 text-[10px] font-semibold ring-1",
                  errors
                    ? "bg-red-50 text-red-700 ring-red-600/20"
                    : "bg-amber-50 text-amber-800 ring-amber-600/25",
                )}
                data-testid="node-problems"
                data-severity={errors ? "error" : "warning"}
                title={problems.map((p) => `• ${p.message}`).join("\n")}
              >
                <AlertIcon size={10} /> {errors || warnings}
              </span>
              <span className="pointer-events-none invisible absolute top-full right-0 z-20 mt-1 w-72 rounded-lg bg-zinc-900 p-2.5 text-[11px] leading-snug font-normal text-white opacity-0 shadow-lg transition-opacity group-hover/problems:visible group-hover/problems:opacity-100">
                {problems.slice(0, 6).map((p, i) => (
                  <span key={i} className="flex gap-1.5 py-0.5 break-anywhere">
                    <span className={p.severity === "error" ? "text-red-300" : "text-amber-300"}>●</span>
                    {p.message}
                  </span>
                ))}
                {problems.length > 6 && <span className="text-zinc-400">+{problems.length - 6} more</span>}
              </span>
            </span>
          )}
        </div>
      </div>

      <div className="px-3 pb-2">
        <ui.NodeBody step={step} connected={connectedSet} environment={environment} />
        <NodeBadges step={step} customFields={environment.customFields} />
      </div>

      <div className="border-t border-zinc-100 py-1">
        {ui.NodeOutputs ? (
          <ui.NodeOutputs step={step} connected={connectedSet} environment={environment} />
        ) : (
          outputs.map((o) => (
            <OutputRow
              key={o.handle}
              handle={o.handle}
              label={o.label}
              connected={connectedSet.has(o.handle)}
              required={o.required}
            />
          ))
        )}
      </div>
    </div>
  );
}

/**
 * React Flow re-renders a node whenever any of its props changes, its position among them: on every
 * frame of a drag, the dragged step. The card re-renders only when what it shows changes, not as it moves.
 */
export const StepNode = memo(
  StepNodeComponent,
  (a, b) => a.id === b.id && a.data === b.data && a.selected === b.selected,
);
