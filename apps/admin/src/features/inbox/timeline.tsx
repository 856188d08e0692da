"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import { TranscriptBubble } from "@/components/transcript/transcript-bubble";
import { ChatIcon, LockIcon } from "@/components/ui/icons";
import { dateTime } from "@/lib/format";
import type { ConversationDetails } from "./use-open-conversation";

type Item = ConversationDetails["timeline"][number];
type Note = Extract<Item, { kind: "note" }>;

/** A private note: amber, full width, never sent to the user. */
function NoteBubble({ note }: { note: Note }) {
  return (
    <div
      className="mx-auto w-full max-w-2xl rounded-xl bg-amber-50 px-3.5 py-2 text-sm ring-1 ring-amber-200"
      data-testid="inbox-note"
    >
      <p className="mb-0.5 flex items-center gap-1.5 text-[11px] font-medium text-amber-800">
        <LockIcon size={11} /> Note by {note.authorName ?? "a former member"} · only your team sees notes
      </p>
      <div className="max-h-96 overflow-y-auto whitespace-pre-wrap text-zinc-900 break-anywhere">
        {note.text}
      </div>
      <p className="mt-1 text-right text-[10px] text-amber-700/70">{dateTime(note.createdAt)}</p>
    </div>
  );
}

/**
 * Messages and notes, oldest first, following new ones unless the reader scrolled up. The user's
 * messages on the left; the flow's (blue) and operators' (green, named) on the right.
 */
export function Timeline({ items }: { items: Item[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const count = items.length;

  const content = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the timeline when something arrives.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  // A photo or video takes its height only when it has loaded: keep following while the reader is at
  // the bottom, so the newest message stays in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the content element exists only when not empty.
  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, [count === 0]);

  return (
    <div
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
      }}
      className="scrollbar-thin min-h-0 flex-1 overflow-y-auto bg-zinc-50 px-5 py-5"
      data-testid="inbox-timeline"
    >
      {count === 0 ? (
        <div className="flex h-full flex-col items-center justify-center text-center text-sm text-zinc-500">
          <ChatIcon size={22} className="mb-2 text-zinc-400" />
          No messages yet
        </div>
      ) : (
        <div ref={content} className="mx-auto flex max-w-3xl flex-col gap-2.5">
          {items.map((item) =>
            item.kind === "note" ? (
              <NoteBubble key={`n-${item.id}`} note={item} />
            ) : (
              <TranscriptBubble key={`m-${item.id}`} m={item} />
            ),
          )}
        </div>
      )}
    </div>
  );
}
