"use client";

import { Textarea } from "@/components/ui/field";
import { useCaretInsert } from "./use-caret-insert";
import { templateToken } from "./variable-picker";
import { VariablePickerMenu } from "./variable-picker-menu";

/** A textarea for message templates with a `{ }` variable picker that inserts at the cursor. */
export function TemplateTextarea({
  value,
  onChange,
  variables,
  invalid,
  id,
  placeholder,
  rows = 5,
  maxLength = 20_000,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  /** `vars.*` written by steps upstream of this one. */
  variables: string[];
  invalid?: boolean;
  id?: string;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  "data-testid"?: string;
}) {
  const { ref, insert } = useCaretInsert<HTMLTextAreaElement>({ value, onChange, maxLength });
  const insertVariable = (path: string, fallback?: string) => insert(templateToken(path, fallback));

  return (
    <div>
      <Textarea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
        className="text-[13px] leading-relaxed"
        {...rest}
      />
      <div className="mt-1 flex items-center justify-between">
        <VariablePickerMenu variables={variables} onPick={insertVariable} />
        <span className="text-[10px] text-zinc-400 tabular-nums">
          {value.length > 4096 ? (
            <span className="text-amber-600">{value.length.toLocaleString()} / 4,096 · will be split</span>
          ) : (
            `${value.length.toLocaleString()} / 4,096`
          )}
        </span>
      </div>
    </div>
  );
}
