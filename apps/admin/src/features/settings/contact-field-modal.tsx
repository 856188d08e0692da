"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { apiErrorDetails } from "@/lib/api-error";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import {
  errorField,
  FIELD_TYPES,
  type FieldForm,
  type FieldFormErrors,
  type FieldType,
  fieldInput,
  keyFromLabel,
  validateFieldForm,
} from "./contact-field-form";

type ContactField = RouterOutputs["contactFields"]["list"][number];

const formOf = (f: ContactField | null): FieldForm =>
  f
    ? { key: f.key, label: f.label, type: f.type, options: f.options.join("\n") }
    : { key: "", label: "", type: "text", options: "" };

/** Adds a contact field (`field` null) or edits one's label, type and options (the key stays). */
export function ContactFieldModal({ field, onClose }: { field: ContactField | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const mode = field ? "edit" : "create";
  const [form, setForm] = useState<FieldForm>(() => formOf(field));
  const [keyTouched, setKeyTouched] = useState(!!field);
  const [errors, setErrors] = useState<FieldFormErrors>({});

  const onSuccess = (saved: ContactField) => {
    toast({ tone: "success", title: field ? `“${saved.label}” saved` : `“${saved.label}” added` });
    void queryClient.invalidateQueries({ queryKey: trpc.contactFields.list.queryKey() });
    onClose();
  };
  const onError = (e: unknown) => {
    const { message, path, code } = apiErrorDetails(e);
    setErrors({ [errorField(path, message, code)]: message });
  };
  const create = useMutation(trpc.contactFields.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.contactFields.update.mutationOptions({ onSuccess, onError }));

  const set = (patch: Partial<FieldForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => {
      const next = { ...e, form: undefined };
      for (const k of Object.keys(patch) as (keyof FieldForm)[]) next[k] = undefined;
      return next;
    });
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = validateFieldForm(form, mode);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (field) update.mutate({ id: field.id, ...fieldInput(form) });
    else create.mutate({ key: form.key.trim(), ...fieldInput(form) });
  }

  const type = FIELD_TYPES.find((t) => t.value === form.type);
  return (
    <Modal
      open
      onClose={onClose}
      title={field ? `Edit “${field.label}”` : "Add a contact field"}
      description="Update-contact steps ask for it and audience rules filter on it."
      data-testid="contact-field-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            type="submit"
            form="contact-field-form"
            loading={create.isPending || update.isPending}
            data-testid="contact-field-save"
          >
            {field ? "Save" : "Add field"}
          </Button>
        </>
      }
    >
      <form id="contact-field-form" onSubmit={submit} noValidate className="space-y-4">
        {errors.form && <ErrorNotice title={errors.form} />}
        <Field label="Label" htmlFor="cf-label" error={errors.label}>
          <Input
            id="cf-label"
            data-testid="contact-field-label"
            value={form.label}
            maxLength={120}
            invalid={!!errors.label}
            placeholder="Favourite colour"
            onChange={(e) =>
              set({ label: e.target.value, ...(keyTouched ? {} : { key: keyFromLabel(e.target.value) }) })
            }
          />
        </Field>
        <Field
          label="Key"
          htmlFor="cf-key"
          error={errors.key}
          hint={
            field
              ? "The key can't change: flows and saved values refer to it."
              : "Lowercase letters, digits and _. Used as {{fields.key}} in texts; can't change later."
          }
        >
          <Input
            id="cf-key"
            data-testid="contact-field-key"
            value={form.key}
            maxLength={60}
            disabled={!!field}
            invalid={!!errors.key}
            placeholder="favourite_colour"
            className="font-mono"
            onChange={(e) => {
              setKeyTouched(true);
              set({ key: e.target.value });
            }}
          />
        </Field>
        <Field label="Type" htmlFor="cf-type" error={errors.type} hint={type?.hint}>
          <Select
            id="cf-type"
            data-testid="contact-field-type"
            value={form.type}
            onChange={(e) => set({ type: e.target.value as FieldType })}
          >
            {FIELD_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </Select>
        </Field>
        {form.type === "choice" && (
          <Field label="Options" htmlFor="cf-options" error={errors.options} hint="One per line, up to 50.">
            <Textarea
              id="cf-options"
              data-testid="contact-field-options"
              value={form.options}
              rows={4}
              invalid={!!errors.options}
              placeholder={"Red\nGreen\nBlue"}
              onChange={(e) => set({ options: e.target.value })}
            />
          </Field>
        )}
      </form>
    </Modal>
  );
}
