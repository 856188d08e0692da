"use client";

import { useLayoutEffect, useRef } from "react";
import { EmptyState } from "@/components/ui/card";
import { ChatIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import type { TranscriptMessage } from "./message-content";
import { TranscriptBubble } from "./transcript-bubble";

/**
 * A conversation's messages, oldest first, in their own scroller that follows new messages (unless
 * the reader scrolled up), so a polled transcript reads like a chat.
 */
export function TranscriptMessages({
  messages,
  className,
}: {
  messages: TranscriptMessage[];
  className?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const count = messages.length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the list when a message arrives.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <div
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
      className={cn("scrollbar-thin overflow-y-auto bg-zinc-50 px-6 py-6", className)}
      data-testid="transcript"
    >
      {count === 0 ? (
        <EmptyState icon={<ChatIcon size={22} />} title="No messages yet" />
      ) : (
        <div className="mx-auto flex max-w-3xl flex-col gap-2.5">
          {messages.map((m) => (
            <TranscriptBubble key={m.id} m={m} />
          ))}
        </div>
      )}
    </div>
  );
}
