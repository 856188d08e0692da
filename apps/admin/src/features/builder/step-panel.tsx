"use client";

import { type Audience, type Problem, type Step, stepRegistry } from "@switchboard/flow";
import { memo } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { CopyIcon, FlagIcon, InfoIcon, TrashIcon, XIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import type { StepPatch } from "./draft";
import { AliasesInput } from "./fields/aliases-input";
import { ProblemList } from "./problem-list";
import { CommonStepFields } from "./step-common/common-fields";
import { builderStepUI } from "./steps";
import type { WorkspaceEnvironment } from "./workspace-environment";

interface StepPanelProps {
  step: Step;
  isEntry: boolean;
  problems: Problem[];
  variables: string[];
  environment: WorkspaceEnvironment;
  onPatch: (id: string, patch: StepPatch) => void;
  /** Sets config keys on the step as it is when applied (uploads finish later). */
  onMergeConfig: (id: string, values: Record<string, unknown>) => void;
  onMakeEntry: (id: string) => void;
  onDelete: (id: string) => void;
  onDuplicate: (id: string) => void;
  onClose: () => void;
}

function StepPanelComponent({
  step,
  isEntry,
  problems,
  variables,
  environment,
  onPatch,
  onMergeConfig,
  onMakeEntry,
  onDelete,
  onDuplicate,
  onClose,
}: StepPanelProps) {
  const def = stepRegistry[step.type];
  const ui = builderStepUI(step.type);
  const Icon = ui.icon;
  const Editor = ui.Editor;
  const aliasConflict = problems.find((p) => p.code === "DUPLICATE_ALIAS")?.message;

  return (
    <div className="flex h-full flex-col" data-testid="step-panel" data-step-id={step.id}>
      <div className="flex items-start gap-3 border-b border-zinc-100 px-4 py-3">
        <span className={cn("flex size-9 shrink-0 items-center justify-center rounded-lg ring-1", ui.tile)}>
          <Icon size={18} />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-semibold text-zinc-900">{def.label} step</p>
          <p className="truncate font-mono text-[11px] text-zinc-400" title="Step id">
            {step.id}
          </p>
        </div>
        <button
          type="button"
          onClick={() => onDuplicate(step.id)}
          className="rounded-md p-1.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
          title="Duplicate step"
          aria-label="Duplicate step"
          data-testid="duplicate-step"
        >
          <CopyIcon size={15} />
        </button>
        <button
          type="button"
          onClick={() => onDelete(step.id)}
          className="rounded-md p-1.5 text-zinc-400 hover:bg-red-50 hover:text-red-600"
          title="Delete step"
          aria-label="Delete step"
          data-testid="delete-step"
        >
          <TrashIcon size={15} />
        </button>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md p-1.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
          title="Close"
          aria-label="Close panel"
        >
          <XIcon size={15} />
        </button>
      </div>

      <div className="scrollbar-thin flex-1 space-y-5 overflow-y-auto px-4 py-4">
        <Field label="Title" htmlFor="step-title" hint="Only you see it, on the canvas.">
          <Input
            id="step-title"
            data-testid="step-title"
            value={step.title}
            maxLength={120}
            placeholder={def.label}
            onChange={(e) => onPatch(step.id, { title: e.target.value })}
          />
        </Field>

        <Editor
          step={step}
          problems={problems}
          variables={variables}
          environment={environment}
          onChange={(config) => onPatch(step.id, { config })}
        />

        <CommonStepFields
          step={step}
          problems={problems}
          environment={environment}
          onMergeConfig={(values) => onMergeConfig(step.id, values)}
          onAudience={(audience: Audience | undefined) => onPatch(step.id, { audience })}
          onEndsConversation={(endsConversation) => onPatch(step.id, { endsConversation })}
        />

        <div className="space-y-1.5">
          <span className="flex items-center gap-1 text-xs font-medium text-zinc-700">
            Aliases
            <span title="Keywords or commands that jump straight to this step from anywhere in the conversation, e.g. /help or Prices.">
              <InfoIcon size={12} className="text-zinc-400" />
            </span>
          </span>
          <AliasesInput
            value={step.aliases}
            onChange={(aliases) => onPatch(step.id, { aliases })}
            conflicts={aliasConflict}
          />
          <p className="text-xs text-zinc-500">Press Enter after each. Users can type these anytime.</p>
        </div>

        <div className="rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200">
          {isEntry ? (
            <div className="flex items-center gap-2 text-xs text-zinc-600">
              <Badge tone="green">
                <FlagIcon size={11} /> Start step
              </Badge>
              New conversations and /start begin here.
            </div>
          ) : (
            <div className="flex items-center justify-between gap-3">
              <p className="text-xs text-zinc-500">Conversations start at another step.</p>
              <Button size="sm" onClick={() => onMakeEntry(step.id)} data-testid="make-start">
                <FlagIcon size={13} /> Make this the start step
              </Button>
            </div>
          )}
        </div>

        {problems.length > 0 && (
          <div className="space-y-2" data-testid="step-problems">
            <p className="text-xs font-medium text-zinc-700">Problems in this step</p>
            <ProblemList problems={problems} />
          </div>
        )}
      </div>
    </div>
  );
}

export const StepPanel = memo(StepPanelComponent);
