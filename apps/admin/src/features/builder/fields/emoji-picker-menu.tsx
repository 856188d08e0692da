"use client";

import { useCallback, useMemo, useState } from "react";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { searchEmoji } from "./emoji-set";

/** The 🙂 button of a message editor: a searchable grid of emoji; a choice calls `onPick(emoji)`. */
export function EmojiPickerMenu({ onPick }: { onPick: (emoji: string) => void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const close = useCallback(() => setOpen(false), []);
  const ref = useClickOutside<HTMLDivElement>(open, close);
  const groups = useMemo(() => searchEmoji(query), [query]);

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        className="rounded px-1.5 py-0.5 text-[13px] hover:bg-zinc-200"
        title="Insert an emoji"
        aria-label="Insert an emoji"
        aria-expanded={open}
        data-testid="emoji-picker"
      >
        🙂
      </button>
      {open && (
        <div className="absolute right-0 top-full z-30 mt-1 w-64 rounded-lg bg-white text-xs shadow-lg ring-1 ring-zinc-200">
          <input
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              const first = groups[0]?.items[0]?.[0];
              if (e.key === "Enter" && first) {
                e.preventDefault();
                onPick(first);
                setOpen(false);
              }
              if (e.key === "Escape") setOpen(false);
            }}
            placeholder="Search emoji…"
            aria-label="Search emoji"
            className="w-full rounded-t-lg border-b border-zinc-100 px-3 py-2 text-xs outline-none"
          />
          <div className="max-h-56 overflow-y-auto px-2 py-1">
            {groups.length === 0 && <p className="px-1 py-2 text-zinc-400">No emoji matches.</p>}
            {groups.map((g) => (
              <div key={g.label}>
                <p className="px-1 pt-1.5 text-[10px] font-semibold tracking-wide text-zinc-400 uppercase">
                  {g.label}
                </p>
                <div className="grid grid-cols-8">
                  {g.items.map(([emoji, words]) => (
                    <button
                      key={emoji}
                      type="button"
                      title={words}
                      aria-label={`Emoji ${words.split(" ")[0]}`}
                      onClick={() => {
                        onPick(emoji);
                        setOpen(false);
                      }}
                      className="rounded p-0.5 text-lg leading-7 hover:bg-brand-50"
                    >
                      {emoji}
                    </button>
                  ))}
                </div>
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
