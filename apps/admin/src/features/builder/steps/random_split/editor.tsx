"use client";

import type { SplitBranch } from "@switchboard/flow";
import { useState } from "react";
import { Input } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { newButtonId } from "@/lib/ids";
import { insertAfter } from "../../fields/list-items";
import { isAddNextKey, useFocusAdded } from "../../fields/use-focus-added";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";
import { branchShares, evenly, MAX_SPLIT_BRANCHES, newSplitBranch, parseWeight } from "./random-split";

/** A weight box that keeps what is typed until it is a valid weight. */
function WeightInput({
  value,
  index,
  onChange,
}: {
  value: number;
  index: number;
  onChange: (w: number) => void;
}) {
  const [raw, setRaw] = useState(String(value));
  const parsed = parseWeight(raw);
  const shown = "weight" in parsed && parsed.weight === value ? raw : String(value);
  return (
    <div className="w-20 shrink-0">
      <Input
        aria-label="Weight"
        inputMode="numeric"
        value={"error" in parsed ? raw : shown}
        invalid={"error" in parsed}
        className="h-8 text-xs"
        data-testid={`split-weight-${index}`}
        title={"error" in parsed ? parsed.error : undefined}
        onChange={(e) => {
          setRaw(e.target.value);
          const next = parseWeight(e.target.value);
          if ("weight" in next) onChange(next.weight);
        }}
      />
    </div>
  );
}

export function RandomSplitEditor({ step, onChange, problems }: EditorProps<"random_split">) {
  const { branches } = step.config;
  const setBranches = (next: SplitBranch[]) => onChange({ ...step.config, branches: next });
  const shares = branchShares(branches);
  const countError = problems.find((p) => p.path === "config.branches" && p.severity === "error")?.message;
  const { markAdded, focusIfAdded } = useFocusAdded();
  /** Adds a branch after `index` (at the end by default) and focuses its label. */
  const addBranch = (index = branches.length - 1) => {
    if (branches.length >= MAX_SPLIT_BRANCHES) return;
    const branch = newSplitBranch(branches, newButtonId());
    markAdded(branch.id);
    setBranches(insertAfter(branches, index, branch));
  };
  return (
    <div className="space-y-4">
      <p className="text-xs leading-relaxed text-zinc-500">
        Each conversation is sent down one branch, drawn by weight the first time and the same one on every
        later visit. Choices are recorded so the branches can be compared.
      </p>
      <ul className="space-y-2">
        {branches.map((b, i) => (
          <li key={b.id} className="space-y-1" data-testid={`split-branch-${i}`}>
            <div className="flex items-center gap-1.5">
              <Input
                aria-label="Label"
                value={b.label}
                maxLength={64}
                invalid={!!problemAt(problems, `config.branches.${i}`)}
                className="h-8 min-w-0 flex-1 text-sm"
                data-testid={`split-label-${i}`}
                ref={focusIfAdded(b.id)}
                onKeyDown={(e) => {
                  if (!isAddNextKey(e)) return;
                  e.preventDefault();
                  addBranch(i);
                }}
                onChange={(e) =>
                  setBranches(branches.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))
                }
              />
              <WeightInput
                value={b.weight}
                index={i}
                onChange={(weight) => setBranches(branches.map((x, j) => (j === i ? { ...x, weight } : x)))}
              />
              <span
                className="w-10 text-right text-xs font-medium text-zinc-700 tabular-nums"
                data-testid={`split-share-${i}`}
              >
                {shares[i]}%
              </span>
              <button
                type="button"
                aria-label="Remove branch"
                onClick={() => setBranches(branches.filter((_, j) => j !== i))}
                className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
              >
                <TrashIcon size={14} />
              </button>
            </div>
            {problemAt(problems, `config.branches.${i}`) && (
              <p className="text-[11px] text-red-600">{problemAt(problems, `config.branches.${i}`)}</p>
            )}
          </li>
        ))}
      </ul>
      {countError && <p className="text-xs text-red-600">{countError}</p>}
      <div className="flex gap-2">
        <button
          type="button"
          data-testid="add-split-branch"
          disabled={branches.length >= MAX_SPLIT_BRANCHES}
          onClick={() => addBranch()}
          className="flex flex-1 items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 py-2 text-xs font-medium text-zinc-600 transition hover:border-brand-400 hover:bg-brand-50 hover:text-brand-700 disabled:opacity-40"
        >
          <PlusIcon size={14} /> Add branch
        </button>
        <button
          type="button"
          onClick={() => setBranches(evenly(branches))}
          className="rounded-lg px-3 text-xs font-medium text-zinc-600 ring-1 ring-zinc-300 hover:bg-zinc-50"
        >
          Split evenly
        </button>
      </div>
    </div>
  );
}
