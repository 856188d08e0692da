"use client";

import type { ConditionBranch } from "@switchboard/flow";
import { useId } from "react";
import { PlusIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { newButtonId } from "@/lib/ids";
import { useFocusLastItem } from "../../fields/use-focus-added";
import type { EditorProps } from "../types";
import { BranchCard } from "./branch-card";
import { moveItem, newBranch, subjectOptions } from "./condition";

const MAX_BRANCHES = 20;

export function ConditionEditor({
  step,
  onChange,
  problems,
  variables,
  environment,
}: EditorProps<"condition">) {
  const config = step.config;
  const listId = useId();
  const setBranches = (branches: ConditionBranch[]) => onChange({ ...config, branches });
  const { listRef, focusLastItem } = useFocusLastItem<HTMLUListElement>();
  const noBranches = problems.find((p) => p.code === "NO_BRANCHES")?.message;
  return (
    <div className="space-y-4">
      <p className="text-xs leading-relaxed text-zinc-500">
        Branches are checked from the top; the conversation goes down the first whose rules hold, or{" "}
        <span className="font-medium text-zinc-700">Else</span> when none does. Rules look at variables (
        <code>vars.x</code>), contact fields, tags, the login state, <code>tracker.KEY</code> from the deep
        link and <code>bot.KEY</code>. <span className="font-medium">matches</span> takes an RE2 regular
        expression.
      </p>
      <datalist id={listId}>
        {subjectOptions(variables, environment.customFields).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </datalist>
      {config.branches.length === 0 && (
        <p
          className={cn(
            "rounded-lg border border-dashed px-3 py-3 text-center text-xs",
            noBranches ? "border-red-300 text-red-600" : "border-zinc-300 text-zinc-500",
          )}
        >
          {noBranches ?? "No branches yet."}
        </p>
      )}
      <ul className="space-y-3" ref={listRef}>
        {config.branches.map((branch, i) => (
          <BranchCard
            key={branch.id}
            branch={branch}
            index={i}
            count={config.branches.length}
            problems={problems}
            listId={listId}
            onChange={(next) => setBranches(config.branches.map((b, j) => (j === i ? next : b)))}
            onMove={(delta) => setBranches(moveItem(config.branches, i, delta))}
            onRemove={() => setBranches(config.branches.filter((_, j) => j !== i))}
          />
        ))}
      </ul>
      <button
        type="button"
        data-testid="add-branch"
        disabled={config.branches.length >= MAX_BRANCHES}
        onClick={() => {
          setBranches([
            ...config.branches,
            newBranch(config.branches, newButtonId(), variables[0] ? `vars.${variables[0]}` : undefined),
          ]);
          focusLastItem();
        }}
        className="flex w-full items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 py-2 text-xs font-medium text-zinc-600 transition hover:border-brand-400 hover:bg-brand-50 hover:text-brand-700 disabled:opacity-40"
      >
        <PlusIcon size={14} /> Add branch
      </button>
    </div>
  );
}
