"use client";

import type { ComponentProps } from "react";
import { Input } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { useCaretInsert } from "./use-caret-insert";
import { templateToken } from "./variable-picker";
import { VariablePickerMenu } from "./variable-picker-menu";

/** A one-line template field (a button label, a lead title) with the `{ }` variable picker beside it. */
export function TemplateInput({
  value,
  onChange,
  variables,
  maxLength,
  className,
  inputRef,
  ...rest
}: Omit<ComponentProps<typeof Input>, "value" | "onChange" | "ref"> & {
  value: string;
  onChange: (value: string) => void;
  /** Also gets the input element (e.g. to focus a just-added item, see use-focus-added.ts). */
  inputRef?: (el: HTMLInputElement | null) => void;
  /** `vars.*` written by steps upstream of this one. */
  variables: string[];
}) {
  const { ref, insert } = useCaretInsert<HTMLInputElement>({ value, onChange, maxLength });
  const insertVariable = (path: string, fallback?: string) => insert(templateToken(path, fallback));

  return (
    <div className="flex items-center gap-1">
      <Input
        ref={(el) => {
          ref.current = el;
          inputRef?.(el);
        }}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        className={cn("min-w-0 flex-1", className)}
        {...rest}
      />
      <VariablePickerMenu variables={variables} onPick={insertVariable} placement="below" />
    </div>
  );
}
