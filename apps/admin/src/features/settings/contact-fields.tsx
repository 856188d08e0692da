"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { PlusIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { FIELD_TYPES } from "./contact-field-form";
import { ContactFieldModal } from "./contact-field-modal";
import { DeleteButton, EditButton, SettingsList } from "./settings-list";

type ContactField = RouterOutputs["contactFields"]["list"][number];

function FieldRow({ field, canEdit, onEdit }: { field: ContactField; canEdit: boolean; onEdit: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const remove = useMutation(
    trpc.contactFields.remove.mutationOptions({
      onSuccess: () => {
        toast({ tone: "success", title: `“${field.label}” was deleted` });
        void queryClient.invalidateQueries({ queryKey: trpc.contactFields.list.queryKey() });
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't delete the field", message: errorMessage(e) }),
    }),
  );

  async function onDelete() {
    const ok = await confirm({
      title: `Delete “${field.label}”?`,
      message:
        "Values saved on contacts stay (adding the key again shows them). Live flows keep running, but a flow that uses it can't be published again until the field exists.",
      confirmLabel: "Delete field",
      danger: true,
    });
    if (ok) remove.mutate({ id: field.id });
  }

  return (
    <li className="flex items-center gap-4 px-5 py-3" data-testid="contact-field-row" data-key={field.key}>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-zinc-900">{field.label}</p>
        <p className="truncate font-mono text-xs text-zinc-500">{`{{fields.${field.key}}}`}</p>
      </div>
      <div
        className="hidden min-w-0 max-w-[40%] truncate text-xs text-zinc-500 sm:block"
        title={field.options.join(", ")}
      >
        {field.type === "choice" ? field.options.join(" · ") : null}
      </div>
      <Badge tone="gray">{FIELD_TYPES.find((t) => t.value === field.type)?.label ?? field.type}</Badge>
      {canEdit && (
        <div className="flex gap-1">
          <EditButton label={`Edit ${field.label}`} onClick={onEdit} testId="contact-field-edit" />
          <DeleteButton
            label={`Delete ${field.label}`}
            onClick={onDelete}
            deleting={remove.isPending}
            testId="contact-field-delete"
          />
        </div>
      )}
    </li>
  );
}

/** Settings → Contact fields: the workspace's own fields on contacts. */
export function ContactFields({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const fields = useQuery(trpc.contactFields.list.queryOptions());
  const [editing, setEditing] = useState<ContactField | "new" | null>(null);

  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-100 p-5">
        <div>
          <h2 className="text-sm font-semibold text-zinc-900">Contact fields</h2>
          <p className="mt-1 max-w-xl text-sm text-zinc-500">
            Your own fields on contacts, next to name, phone, email, city and language. Update-contact steps
            fill them; audience rules filter on them.
          </p>
        </div>
        {canEdit && (
          <Button
            variant="primary"
            size="sm"
            onClick={() => setEditing("new")}
            data-testid="contact-field-add"
          >
            <PlusIcon size={14} /> Add field
          </Button>
        )}
      </div>
      <SettingsList
        query={fields}
        errorTitle="Couldn't load the contact fields"
        empty={<>No contact fields yet.{canEdit && " Add one to ask for it in a flow."}</>}
        testId="contact-fields"
      >
        {(f) => <FieldRow key={f.id} field={f} canEdit={canEdit} onEdit={() => setEditing(f)} />}
      </SettingsList>
      {editing && (
        <ContactFieldModal field={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
