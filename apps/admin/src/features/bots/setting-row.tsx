import type { ReactNode } from "react";
import { Field, Input } from "@/components/ui/field";
import { Toggle } from "@/components/ui/toggle";

/** A whole-number setting typed as text (the form validates it), with its hint and error; `id` is also its test id. */
export function NumberSettingField({
  id,
  label,
  hint,
  value,
  error,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint}>
      <Input
        id={id}
        data-testid={id}
        inputMode="numeric"
        value={value}
        disabled={disabled}
        invalid={!!error}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A labelled on/off setting with its explanation underneath. */
export function ToggleRow({
  label,
  description,
  checked,
  onChange,
  disabled,
  testId,
}: {
  label: string;
  description: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
  testId: string;
}) {
  return (
    <div className="flex items-start gap-3">
      <div className="pt-0.5">
        <Toggle
          checked={checked}
          onChange={onChange}
          label={label}
          disabled={disabled}
          data-testid={testId}
        />
      </div>
      <div className="min-w-0">
        <p className="text-sm font-medium text-zinc-900">{label}</p>
        <div className="mt-0.5 text-xs text-zinc-500">{description}</div>
      </div>
    </div>
  );
}

export function SectionTitle({ children, first }: { children: ReactNode; first?: boolean }) {
  return (
    <h3
      className={
        first
          ? "text-xs font-semibold tracking-wide text-zinc-500 uppercase"
          : "mt-6 border-t border-zinc-100 pt-5 text-xs font-semibold tracking-wide text-zinc-500 uppercase"
      }
    >
      {children}
    </h3>
  );
}
