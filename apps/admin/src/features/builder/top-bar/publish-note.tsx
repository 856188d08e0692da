"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, RocketIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { useBuilder } from "../builder-context";

/** Same limit as the API's publish input. */
const NOTE_MAX = 280;

/**
 * "Publish with a note": the arrow beside Publish opens a one-line note ("New pricing menu") that the
 * version history shows. Publish itself stays one click, so the note never slows a quick publish.
 */
export function PublishNote({ disabled }: { disabled: boolean }) {
  const { publish } = useBuilder();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const ref = useClickOutside(open, () => setOpen(false));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOpen(false);
    await publish.publish(note);
    setNote("");
  }

  return (
    <div className="relative" ref={ref}>
      <Button
        size="sm"
        variant="secondary"
        className="px-1.5"
        onClick={() => setOpen((o) => !o)}
        disabled={disabled}
        data-testid="publish-note-toggle"
        title="Publish with a note"
        aria-label="Publish with a note"
      >
        <ChevronDownIcon size={12} />
      </Button>
      {open && (
        <Popover className="w-80">
          <form onSubmit={submit} className="space-y-2 p-3">
            <label htmlFor="publish-note" className="block text-xs font-medium text-zinc-700">
              What changed?{" "}
              <span className="font-normal text-zinc-400">(optional, shown in the versions)</span>
            </label>
            <input
              id="publish-note"
              data-testid="publish-note-input"
              autoFocus
              value={note}
              maxLength={NOTE_MAX}
              onChange={(e) => setNote(e.target.value)}
              placeholder="e.g. New pricing menu"
              className="w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-zinc-300 focus:ring-2 focus:ring-brand-500 focus:outline-none"
            />
            <div className="flex items-center justify-between">
              <span className="text-[11px] text-zinc-400">
                {note.length}/{NOTE_MAX}
              </span>
              <Button size="sm" variant="primary" type="submit" data-testid="publish-with-note">
                <RocketIcon size={13} /> Publish
              </Button>
            </div>
          </form>
        </Popover>
      )}
    </div>
  );
}
