"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import {
  applyCanned,
  type CannedToken,
  cannedKeyAction,
  findCannedToken,
  matchingCanned,
  moveHighlight,
} from "./canned-token";

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
  // The previous query's answer stays on screen while the next one loads: only what fits the token.
  const suggestions = open && query !== null ? matchingCanned(list.data ?? [], query) : [];
  const loading = open && list.isFetching && suggestions.length === 0;

  const insert = (reply: CannedReply) => {
    if (!token) return;
    const next = applyCanned(text, token, reply.text);
    onInsert(next.text, next.caret);
  };

  /** Handles the key when the popup is open; true when it did (the box shouldn't act on it). */
  function onKeyDown(e: KeyboardEvent): boolean {
    if (!open || !token) return false;
    const action = cannedKeyAction(e.key, e.shiftKey, { loading, count: suggestions.length });
    switch (action) {
      case "dismiss":
        setDismissedAt(token.start);
        return true;
      case "down":
      case "up":
        setHighlight((i) => moveHighlight(i, action === "down" ? 1 : -1, suggestions.length));
        return true;
      case "insert": {
        const reply = suggestions[Math.min(highlight, suggestions.length - 1)];
        if (reply) insert(reply);
        return true;
      }
      case "wait":
        return true;
      default:
        return false;
    }
  }

  return {
    open,
    query: token?.query ?? "",
    suggestions,
    loading,
    highlight: Math.min(highlight, Math.max(0, suggestions.length - 1)),
    setHighlight,
    insert,
    onKeyDown,
  };
}

export type CannedSuggestions = ReturnType<typeof useCannedSuggestions>;
