"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { PencilIcon } from "@/components/ui/icons";
import { dateTime } from "@/lib/format";
import { ContactEditForm } from "./contact-edit-form";
import { CONTACT_FIELDS, draftOf } from "./contact-form";
import { ContactHistory } from "./contact-history";
import { ContactTags } from "./contact-tags";
import { useContactUpdate } from "./use-contact-update";
import type { ConversationDetails } from "./use-open-conversation";

function Row({ label, value, testId }: { label: string; value: string | null | undefined; testId?: string }) {
  return (
    <div className="grid grid-cols-[5.5rem_1fr] gap-2 text-xs">
      <dt className="truncate text-zinc-500">{label}</dt>
      <dd className="min-w-0 text-zinc-800 break-anywhere" data-testid={testId}>
        {value || <span className="text-zinc-300">—</span>}
      </dd>
    </div>
  );
}

/** The right-hand panel: the contact's fields and tags (editable), leads and earlier conversations. */
export function ContactPanel({
  details,
  hrefFor,
  now,
}: {
  details: ConversationDetails;
  hrefFor: (conversationId: string) => string;
  now: Date;
}) {
  const { contact, customFields, conversation } = details;
  const updater = useContactUpdate(contact.id, conversation.id);
  const [editing, setEditing] = useState(false);
  const initial = draftOf(contact, customFields);

  return (
    <aside
      className="scrollbar-thin hidden w-80 shrink-0 space-y-5 overflow-y-auto border-l border-zinc-200 bg-white p-4 xl:block"
      data-testid="contact-panel"
    >
      <section className="space-y-2">
        <div className="flex items-center justify-between">
          <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Contact</h3>
          {!editing && (
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)} data-testid="contact-edit">
              <PencilIcon size={12} /> Edit
            </Button>
          )}
        </div>
        {editing ? (
          <ContactEditForm
            key={contact.id}
            initial={initial}
            customFields={customFields}
            updater={updater}
            onDone={() => setEditing(false)}
          />
        ) : (
          <dl className="space-y-1.5">
            {CONTACT_FIELDS.map((f) => (
              <Row
                key={f.key}
                label={f.label}
                value={initial.base[f.key]}
                testId={`contact-value-${f.key}`}
              />
            ))}
            <Row label="Username" value={contact.username ? `@${contact.username}` : null} />
            {customFields.map((f) => (
              <Row key={f.key} label={f.label} value={f.value} testId={`contact-value-${f.key}`} />
            ))}
            <Row label="Owner" value={contact.ownerName} />
            <Row label="App language" value={contact.languageCode} />
            <Row label="First seen" value={dateTime(contact.createdAt)} />
            {Object.entries(contact.tracker).map(([k, v]) => (
              <Row key={`t-${k}`} label={k} value={v} />
            ))}
          </dl>
        )}
      </section>
      <section className="space-y-1.5">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Tags</h3>
        <ContactTags tags={contact.tags} updater={updater} />
      </section>
      <ContactHistory details={details} hrefFor={hrefFor} now={now} />
    </aside>
  );
}
