"use client";

import type { SetValuesOperation } from "@switchboard/flow";
import { Input, Select } from "@/components/ui/field";
import { XIcon } from "@/components/ui/icons";
import { TagsInput } from "../../fields/tags-input";
import { amountError, changeKind, OPERATION_KINDS, type OperationKind, targetError } from "./set-values";

/** One operation: its kind, then what it sets / counts / tags. */
export function OperationRow({
  op,
  index,
  listId,
  error,
  onChange,
  onRemove,
}: {
  op: SetValuesOperation;
  index: number;
  /** The <datalist> of targets. */
  listId: string;
  error?: string;
  onChange: (op: SetValuesOperation) => void;
  onRemove: () => void;
}) {
  const own =
    op.kind === "set"
      ? targetError(op.target)
      : op.kind === "add" || op.kind === "subtract"
        ? amountError(op.amount)
        : undefined;
  const message = own ?? error;
  const small = "h-8 text-xs";
  return (
    <li className="space-y-1.5 rounded-lg p-2.5 ring-1 ring-zinc-200" data-testid={`operation-${index}`}>
      <div className="flex items-center gap-1.5">
        <Select
          aria-label="Operation"
          value={op.kind}
          className={`${small} w-36 shrink-0`}
          data-testid={`operation-kind-${index}`}
          onChange={(e) => onChange(changeKind(op, e.target.value as OperationKind))}
        >
          {OPERATION_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
        {op.kind === "set" && (
          <Input
            aria-label="Target"
            list={listId}
            value={op.target}
            invalid={!!targetError(op.target)}
            placeholder="vars.plan"
            className={`${small} min-w-0 flex-1 font-mono`}
            data-testid={`operation-target-${index}`}
            onChange={(e) => onChange({ ...op, target: e.target.value.trim() })}
          />
        )}
        {(op.kind === "add" || op.kind === "subtract") && (
          <Input
            aria-label="Variable"
            value={op.variable}
            placeholder="visits"
            className={`${small} min-w-0 flex-1 font-mono`}
            data-testid={`operation-variable-${index}`}
            onChange={(e) => onChange({ ...op, variable: e.target.value.trim() })}
          />
        )}
        <button
          type="button"
          onClick={onRemove}
          aria-label="Remove operation"
          className="ml-auto rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
        >
          <XIcon size={12} />
        </button>
      </div>
      {op.kind === "set" && (
        <Input
          aria-label="Value"
          value={op.value}
          maxLength={2000}
          placeholder="a value or {{vars.x}}"
          className={small}
          data-testid={`operation-value-${index}`}
          onChange={(e) => onChange({ ...op, value: e.target.value })}
        />
      )}
      {(op.kind === "add" || op.kind === "subtract") && (
        <Input
          aria-label="Amount"
          value={op.amount}
          maxLength={200}
          invalid={!!amountError(op.amount)}
          placeholder="1"
          className={small}
          data-testid={`operation-amount-${index}`}
          onChange={(e) => onChange({ ...op, amount: e.target.value })}
        />
      )}
      {(op.kind === "add_tags" || op.kind === "remove_tags") && (
        <TagsInput
          value={op.tags}
          tone={op.kind === "add_tags" ? "green" : "red"}
          onChange={(tags) => onChange({ ...op, tags })}
          data-testid={`operation-tags-${index}`}
        />
      )}
      {message && <p className="text-[11px] text-red-600">{message}</p>}
    </li>
  );
}
