"use client";

import { BUILTIN_CONTACT_FIELDS, type SetValuesOperation } from "@switchboard/flow";
import { useId } from "react";
import { PlusIcon } from "@/components/ui/icons";
import { useFocusLastItem } from "../../fields/use-focus-added";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";
import { OperationRow } from "./operation-row";
import { newOperation } from "./set-values";

const MAX_OPERATIONS = 50;

export function SetValuesEditor({
  step,
  onChange,
  problems,
  variables,
  environment,
}: EditorProps<"set_values">) {
  const config = step.config;
  const listId = useId();
  const setOperations = (operations: SetValuesOperation[]) => onChange({ ...config, operations });
  const { listRef, focusLastItem } = useFocusLastItem<HTMLUListElement>();
  const targets = [
    ...variables.map((v) => `vars.${v}`),
    ...BUILTIN_CONTACT_FIELDS.map((f) => `contact.${f}`),
    ...(environment.customFields ?? []).map((f) => `fields.${f.key}`),
  ];
  const empty = problems.find((p) => p.code === "NO_OPERATIONS")?.message;
  return (
    <div className="space-y-4">
      <p className="text-xs leading-relaxed text-zinc-500">
        Runs top to bottom. Values are templates (<code>{"{{vars.x}}"}</code>); each sees the variables set
        above it. Add / subtract count on a variable (a value that isn't a number counts as 0). Contact fields
        and tags are saved together when the step ends.
      </p>
      <datalist id={listId}>
        {targets.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {empty && <p className="text-xs text-red-600">{empty}</p>}
      <ul className="space-y-2" ref={listRef}>
        {config.operations.map((op, i) => (
          <OperationRow
            key={i}
            op={op}
            index={i}
            listId={listId}
            error={problemAt(problems, `config.operations.${i}`)}
            onChange={(next) => setOperations(config.operations.map((o, j) => (j === i ? next : o)))}
            onRemove={() => setOperations(config.operations.filter((_, j) => j !== i))}
          />
        ))}
      </ul>
      <button
        type="button"
        data-testid="add-operation"
        disabled={config.operations.length >= MAX_OPERATIONS}
        onClick={() => {
          setOperations([...config.operations, newOperation("set")]);
          focusLastItem();
        }}
        className="flex w-full items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 py-2 text-xs font-medium text-zinc-600 transition hover:border-brand-400 hover:bg-brand-50 hover:text-brand-700 disabled:opacity-40"
      >
        <PlusIcon size={14} /> Add operation
      </button>
    </div>
  );
}
