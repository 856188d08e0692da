"use client";

import { Field, Textarea } from "@/components/ui/field";
import { UndoIcon } from "@/components/ui/icons";
import { AUTO_TEXTS, type FormErrors, TEXT_LIMIT, type TextKey } from "./bot-settings-form";

/** The bot's automatic messages, each with a "reset to default". */
export function AutoTexts({
  texts,
  errors,
  disabled,
  onChange,
}: {
  texts: Record<TextKey, string>;
  errors: FormErrors;
  disabled: boolean;
  onChange: (key: TextKey, text: string) => void;
}) {
  return (
    <div className="space-y-4">
      {AUTO_TEXTS.map((t) => {
        const value = texts[t.key];
        const isDefault = value === t.default;
        return (
          <Field
            key={t.key}
            label={t.label}
            htmlFor={`text-${t.key}`}
            error={errors[t.key]}
            hint={t.when}
            aside={
              !disabled &&
              !isDefault && (
                <button
                  type="button"
                  onClick={() => onChange(t.key, t.default)}
                  className="inline-flex items-center gap-1 text-xs font-medium text-zinc-500 hover:text-brand-700"
                  title={`Default: ${t.default}`}
                  data-testid={`bot-text-reset-${t.key}`}
                >
                  <UndoIcon size={12} /> Reset to default
                </button>
              )
            }
          >
            <Textarea
              id={`text-${t.key}`}
              data-testid={`bot-text-${t.key}`}
              value={value}
              rows={2}
              maxLength={TEXT_LIMIT + 100}
              disabled={disabled}
              invalid={!!errors[t.key]}
              placeholder={t.default}
              onChange={(e) => onChange(t.key, e.target.value)}
              className="min-h-16"
            />
          </Field>
        );
      })}
    </div>
  );
}
