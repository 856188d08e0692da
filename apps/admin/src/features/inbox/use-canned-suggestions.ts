"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { applyCanned, type CannedToken, findCannedToken, moveHighlight } from "./canned-token";

export type CannedReply = RouterOutputs["canned"]["list"][number];

/**
 * The `:shortcut` popup: which canned replies match the token before the caret, the highlighted
 * one, and the keys (↑/↓, Enter or Tab to insert, Esc to close).
 */
export function useCannedSuggestions({
  text,
  caret,
  enabled,
  onInsert,
}: {
  text: string;
  caret: number;
  enabled: boolean;
  /** The new text and where the caret goes. */
  onInsert: (text: string, caret: number) => void;
}) {
  const trpc = useTRPC();
  const token: CannedToken | null = enabled ? findCannedToken(text, caret) : null;
  const [highlight, setHighlight] = useState(0);
  // Esc closes the popup for this token (typing on opens it again for the next one).
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [lastQuery, setLastQuery] = useState<string | null>(null);
  const query = token?.query ?? null;
  if (query !== lastQuery) {
    setLastQuery(query);
    setHighlight(0);
  }
  const open = !!token && dismissedAt !== token.start;

  const list = useQuery({
    ...trpc.canned.list.queryOptions({ search: query ?? "" }),
    enabled: open,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const suggestions = open ? (list.data ?? []) : [];

  const insert = (reply: CannedReply) => {
    if (!token) return;
    const next = applyCanned(text, token, reply.text);
    onInsert(next.text, next.caret);
  };

  /** Handles the key when the popup is open; true when it did (the box shouldn't act on it). */
  function onKeyDown(e: KeyboardEvent): boolean {
    if (!open || !token) return false;
    if (e.key === "Escape") {
      setDismissedAt(token.start);
      return true;
    }
    if (suggestions.length === 0) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      setHighlight((i) => moveHighlight(i, e.key === "ArrowDown" ? 1 : -1, suggestions.length));
      return true;
    }
    if ((e.key === "Enter" && !e.shiftKey) || e.key === "Tab") {
      const reply = suggestions[Math.min(highlight, suggestions.length - 1)];
      if (reply) insert(reply);
      return true;
    }
    return false;
  }

  return {
    open,
    query: token?.query ?? "",
    suggestions,
    loading: open && list.isPending,
    highlight: Math.min(highlight, Math.max(0, suggestions.length - 1)),
    setHighlight,
    insert,
    onKeyDown,
  };
}

export type CannedSuggestions = ReturnType<typeof useCannedSuggestions>;
