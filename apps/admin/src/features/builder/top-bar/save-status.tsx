"use client";

import { AlertIcon, CheckIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { useBuilder } from "../builder-context";
import type { SaveState } from "../use-autosave";

const LABELS: Record<SaveState, string> = {
  saving: "Saving…",
  dirty: "Unsaved changes",
  error: "Not saved",
  saved: "Saved",
};

/** Whether the draft is saved, with a retry when saving failed. */
export function SaveStatus() {
  const { autosave } = useBuilder();
  const { state, error } = autosave;
  return (
    <span
      data-testid="save-status"
      data-state={state}
      title={error ?? undefined}
      className={cn(
        "inline-flex items-center gap-1.5 text-xs whitespace-nowrap",
        state === "error" ? "text-red-600" : "text-zinc-500",
      )}
    >
      {state === "saving" ? (
        <Spinner className="size-3" />
      ) : state === "saved" ? (
        <CheckIcon size={12} className="text-emerald-500" />
      ) : state === "error" ? (
        <AlertIcon size={12} />
      ) : (
        <span className="size-1.5 rounded-full bg-amber-400" />
      )}
      {LABELS[state]}
      {state === "error" && (
        <button
          type="button"
          onClick={() => autosave.flush().catch(() => undefined)}
          className="font-medium underline underline-offset-2"
        >
          Retry
        </button>
      )}
    </span>
  );
}
