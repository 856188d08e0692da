"use client";

import type { ConditionRule } from "@switchboard/flow";
import { Input, Select } from "@/components/ui/field";
import { XIcon } from "@/components/ui/icons";
import { needsValue, operatorOptions, subjectError, withSubject } from "./condition";

/** One rule: what it looks at (typed, with suggestions), the operator, and the value to compare with. */
export function RuleRow({
  rule,
  path,
  listId,
  error,
  warning,
  onChange,
  onRemove,
}: {
  rule: ConditionRule;
  /** e.g. "b0-r1", for ids and test ids. */
  path: string;
  /** The <datalist> of subjects. */
  listId: string;
  error?: string;
  warning?: string;
  onChange: (rule: ConditionRule) => void;
  onRemove: () => void;
}) {
  const ownError = subjectError(rule.subject);
  const message = ownError ?? error;
  return (
    <li className="space-y-1.5 rounded-md bg-zinc-50 p-2 ring-1 ring-zinc-200" data-testid={`rule-${path}`}>
      <div className="flex items-center gap-1.5">
        <Input
          aria-label="Look at"
          list={listId}
          value={rule.subject}
          invalid={!!ownError}
          placeholder="vars.answer"
          className="h-8 flex-1 font-mono text-xs"
          data-testid={`rule-subject-${path}`}
          onChange={(e) => onChange(withSubject(rule, e.target.value.trim()))}
        />
        <button
          type="button"
          onClick={onRemove}
          aria-label="Remove rule"
          className="rounded p-1 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700"
        >
          <XIcon size={12} />
        </button>
      </div>
      <div className="flex items-center gap-1.5">
        <Select
          aria-label="Operator"
          value={rule.op}
          className="h-8 w-40 shrink-0 text-xs"
          data-testid={`rule-op-${path}`}
          onChange={(e) => onChange({ ...rule, op: e.target.value as ConditionRule["op"] })}
        >
          {operatorOptions(rule.subject).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        {needsValue(rule) && (
          <Input
            aria-label="Value"
            value={rule.value}
            maxLength={500}
            invalid={!!error}
            placeholder={rule.op === "matches" ? "^[A-Z]{3}$" : "value or {{vars.x}}"}
            className="h-8 min-w-0 flex-1 text-xs"
            data-testid={`rule-value-${path}`}
            onChange={(e) => onChange({ ...rule, value: e.target.value })}
          />
        )}
      </div>
      {message && <p className="text-[11px] text-red-600">{message}</p>}
      {!message && warning && <p className="text-[11px] text-amber-600">{warning}</p>}
    </li>
  );
}
