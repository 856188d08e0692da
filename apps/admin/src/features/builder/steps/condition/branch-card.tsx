"use client";

import type { ConditionBranch, Problem } from "@switchboard/flow";
import { Input } from "@/components/ui/field";
import { ChevronDownIcon, ChevronUpIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { SegmentedControl } from "../../fields/segmented-control";
import { useFocusLastItem } from "../../fields/use-focus-added";
import { problemAt } from "../../fields/validation";
import { defaultRule } from "./condition";
import { RuleRow } from "./rule-row";

const COMBINE_OPTIONS = [
  { value: "all", label: "All rules", hint: "Every rule must hold" },
  { value: "any", label: "Any rule", hint: "One rule is enough" },
] as const;

/** One branch of a Condition: its name, all/any, and its rules. */
export function BranchCard({
  branch,
  index,
  count,
  problems,
  listId,
  onChange,
  onMove,
  onRemove,
}: {
  branch: ConditionBranch;
  index: number;
  count: number;
  problems: Problem[];
  listId: string;
  onChange: (branch: ConditionBranch) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const path = `config.branches.${index}`;
  const nameError = problemAt(problems, `${path}.name`);
  const rulesError = problems.find((p) => p.severity === "error" && p.path === `${path}.rules`)?.message;
  const setRules = (rules: ConditionBranch["rules"]) => onChange({ ...branch, rules });
  const { listRef, focusLastItem } = useFocusLastItem<HTMLUListElement>();
  const iconButton = "rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 disabled:opacity-30";
  return (
    <li className="space-y-2 rounded-lg p-3 ring-1 ring-zinc-200" data-testid={`branch-${index}`}>
      <div className="flex items-center gap-1.5">
        <span className="w-5 text-[11px] font-medium text-zinc-400">{index + 1}.</span>
        <Input
          aria-label="Branch name"
          value={branch.name}
          maxLength={64}
          invalid={!!nameError}
          className="h-8 flex-1 text-sm"
          data-testid={`branch-name-${index}`}
          onChange={(e) => onChange({ ...branch, name: e.target.value })}
        />
        <button
          type="button"
          className={iconButton}
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label="Move up"
        >
          <ChevronUpIcon size={14} />
        </button>
        <button
          type="button"
          className={iconButton}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label="Move down"
        >
          <ChevronDownIcon size={14} />
        </button>
        <button type="button" className={iconButton} onClick={onRemove} aria-label="Remove branch">
          <TrashIcon size={14} />
        </button>
      </div>
      {nameError && <p className="text-[11px] text-red-600">{nameError}</p>}
      {branch.rules.length > 1 && (
        <SegmentedControl
          value={branch.combine}
          options={COMBINE_OPTIONS}
          onChange={(combine) => onChange({ ...branch, combine })}
          testId={`branch-combine-${index}`}
          optionTestIdPrefix={`combine-${index}-`}
        />
      )}
      <ul className="space-y-1.5" ref={listRef}>
        {branch.rules.map((rule, r) => (
          <RuleRow
            key={r}
            rule={rule}
            path={`b${index}-r${r}`}
            listId={listId}
            error={problemAt(problems, `${path}.rules.${r}`)}
            warning={problemAt(problems, `${path}.rules.${r}`, "warning")}
            onChange={(next) => setRules(branch.rules.map((x, j) => (j === r ? next : x)))}
            onRemove={() => setRules(branch.rules.filter((_, j) => j !== r))}
          />
        ))}
      </ul>
      {rulesError && <p className="text-[11px] text-red-600">{rulesError}</p>}
      <button
        type="button"
        data-testid={`add-rule-${index}`}
        disabled={branch.rules.length >= 20}
        onClick={() => {
          setRules([...branch.rules, defaultRule(branch.rules.at(-1)?.subject)]);
          focusLastItem();
        }}
        className="flex items-center gap-1 text-xs font-medium text-brand-700 hover:underline disabled:opacity-40"
      >
        <PlusIcon size={12} /> Add rule
      </button>
    </li>
  );
}
