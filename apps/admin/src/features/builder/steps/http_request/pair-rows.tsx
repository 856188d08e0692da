"use client";

import type { KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { insertAfter } from "../../fields/list-items";
import { isAddNextKey, useFocusAdded } from "../../fields/use-focus-added";
import { removeRow, replaceRow } from "./rows";

export interface PairRow {
  a: string;
  b: string;
}

/** Rows of two text inputs (header name/value, query name/value, JSON path/variable) with add and remove. */
export function PairRows({
  rows,
  onChange,
  placeholders,
  addLabel,
  testId,
  errorAt,
}: {
  rows: PairRow[];
  onChange: (rows: PairRow[]) => void;
  placeholders: [string, string];
  addLabel: string;
  testId: string;
  /** An error for row i's first (0) or second (1) input, if any. */
  errorAt?: (index: number, column: 0 | 1) => string | undefined;
}) {
  // Rows have no ids: a row is known by its index, which is what a new row's focus needs.
  const { markAdded, focusIfAdded } = useFocusAdded();
  const addRow = (index = rows.length - 1) => {
    markAdded(String(Math.min(index + 1, rows.length)));
    onChange(insertAfter(rows, index, { a: "", b: "" }));
  };
  const addNextOnEnter = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (!isAddNextKey(e)) return;
    e.preventDefault();
    addRow(i);
  };
  return (
    <div className="space-y-2" data-testid={testId}>
      {rows.map((row, i) => (
        <div key={i} className="flex items-start gap-2">
          <Input
            aria-label={`${placeholders[0]} ${i + 1}`}
            data-testid={`${testId}-a-${i}`}
            placeholder={placeholders[0]}
            value={row.a}
            invalid={!!errorAt?.(i, 0)}
            title={errorAt?.(i, 0)}
            ref={focusIfAdded(String(i))}
            onKeyDown={addNextOnEnter(i)}
            onChange={(e) => onChange(replaceRow(rows, i, { ...row, a: e.target.value }))}
          />
          <Input
            aria-label={`${placeholders[1]} ${i + 1}`}
            data-testid={`${testId}-b-${i}`}
            placeholder={placeholders[1]}
            value={row.b}
            invalid={!!errorAt?.(i, 1)}
            title={errorAt?.(i, 1)}
            onKeyDown={addNextOnEnter(i)}
            onChange={(e) => onChange(replaceRow(rows, i, { ...row, b: e.target.value }))}
          />
          <Button
            size="icon"
            variant="ghost"
            aria-label={`Remove row ${i + 1}`}
            onClick={() => onChange(removeRow(rows, i))}
          >
            <TrashIcon size={14} />
          </Button>
        </div>
      ))}
      <Button size="sm" variant="ghost" onClick={() => addRow()} data-testid={`${testId}-add`}>
        <PlusIcon size={14} /> {addLabel}
      </Button>
    </div>
  );
}
