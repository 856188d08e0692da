"use client";

import { useState } from "react";
import { moveSelection } from "./shortcuts";

/**
 * The keyboard's cursor in the list (j/k): starts at the open conversation, and follows a row by id
 * as the list refetches (rows move when new messages come).
 */
export function useListCursor(ids: string[], openId: string | null) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const current =
    selectedId && ids.includes(selectedId) ? selectedId : openId && ids.includes(openId) ? openId : null;
  const index = current ? ids.indexOf(current) : -1;
  return {
    selectedId: current,
    /** Moves the cursor; answers the row now selected. */
    move: (delta: 1 | -1): string | null => {
      const next = moveSelection(index, delta, ids.length);
      const id = next >= 0 ? (ids[next] ?? null) : null;
      setSelectedId(id);
      return id;
    },
  };
}
