"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { errorMessage } from "@/lib/errors";
import { CONTACT_FIELDS, type ContactDraft, changesOf } from "./contact-form";
import type { ContactUpdater } from "./use-contact-update";
import type { ConversationDetails } from "./use-open-conversation";

type CustomField = ConversationDetails["customFields"][number];

function CustomInput({
  field,
  value,
  onChange,
}: {
  field: CustomField;
  value: string;
  onChange: (value: string) => void;
}) {
  const common = {
    id: `cf-${field.key}`,
    value,
    className: "h-8 text-xs",
    "data-testid": `contact-field-${field.key}`,
  };
  if (field.type === "choice")
    return (
      <Select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {field.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    );
  return (
    <Input
      {...common}
      type={field.type === "number" ? "text" : field.type === "date" ? "date" : "text"}
      inputMode={field.type === "number" ? "decimal" : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The contact's fields as a form; Save sends only what changed, the server checks each value. */
export function ContactEditForm({
  initial,
  customFields,
  updater,
  onDone,
}: {
  initial: ContactDraft;
  customFields: CustomField[];
  updater: ContactUpdater;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const changes = changesOf(initial, draft);
    if (!changes) return onDone();
    setError(null);
    try {
      await updater.save(changes);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const row = (id: string, label: string, input: React.ReactNode) => (
    <div key={id} className="grid grid-cols-[5.5rem_1fr] items-center gap-2">
      <label htmlFor={id} className="truncate text-xs text-zinc-500">
        {label}
      </label>
      {input}
    </div>
  );

  return (
    <form onSubmit={submit} className="space-y-2" data-testid="contact-edit-form">
      {CONTACT_FIELDS.map((f) =>
        row(
          `c-${f.key}`,
          f.label,
          <Input
            id={`c-${f.key}`}
            value={draft.base[f.key]}
            onChange={(e) => setDraft((d) => ({ ...d, base: { ...d.base, [f.key]: e.target.value } }))}
            className="h-8 text-xs"
            data-testid={`contact-input-${f.key}`}
          />,
        ),
      )}
      {customFields.map((f) =>
        row(
          `cf-${f.key}`,
          f.label,
          <CustomInput
            field={f}
            value={draft.fields[f.key] ?? ""}
            onChange={(v) => setDraft((d) => ({ ...d, fields: { ...d.fields, [f.key]: v } }))}
          />,
        ),
      )}
      {error && (
        <p className="text-xs text-red-600 break-anywhere" role="alert" data-testid="contact-edit-error">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2 pt-1">
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" type="submit" loading={updater.saving} data-testid="contact-save">
          Save
        </Button>
      </div>
    </form>
  );
}
