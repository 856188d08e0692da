"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { PencilIcon } from "@/components/ui/icons";
import { titleError } from "./lead-view";
import type { useUpdateLead } from "./use-update-lead";

/** The lead's title, editable in place (Enter saves, Escape cancels). */
export function LeadTitle({ title, updater }: { title: string; updater: ReturnType<typeof useUpdateLead> }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function save(e: FormEvent) {
    e.preventDefault();
    if (draft === null) return;
    const problem = titleError(draft);
    if (problem) return setError(problem);
    if (draft.trim() === title) return setDraft(null);
    updater.update(
      { title: draft.trim() },
      {
        onSuccess: () => {
          setDraft(null);
          setError(null);
        },
        onError: setError,
      },
    );
  }

  if (draft === null)
    return (
      <div className="flex min-w-0 items-center gap-1.5">
        <h1 className="truncate text-base font-semibold text-zinc-900" data-testid="lead-title" title={title}>
          {title}
        </h1>
        <Button
          size="icon"
          variant="ghost"
          onClick={() => setDraft(title)}
          aria-label="Rename the lead"
          title="Rename"
          data-testid="lead-title-edit"
        >
          <PencilIcon size={14} />
        </Button>
      </div>
    );

  return (
    <form onSubmit={save} className="min-w-0 flex-1" noValidate>
      <div className="flex items-center gap-2">
        <Input
          autoFocus
          aria-label="Lead title"
          data-testid="lead-title-input"
          value={draft}
          maxLength={250}
          invalid={!!error}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              setDraft(null);
              setError(null);
            }
          }}
          className="max-w-lg"
        />
        <Button
          type="submit"
          size="sm"
          variant="primary"
          loading={updater.pending}
          data-testid="lead-title-save"
        >
          Save
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setDraft(null);
            setError(null);
          }}
        >
          Cancel
        </Button>
      </div>
      {error && (
        <p className="mt-1 text-xs text-red-600 break-anywhere" role="alert" data-testid="lead-title-error">
          {error}
        </p>
      )}
    </form>
  );
}
