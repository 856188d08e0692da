import type { FlowDocument } from "@switchboard/flow";
import { type DraftAction, draftReducer } from "./draft";

/** Undo/redo around the draft reducer. Typing into one field of one step is one undo step. */
export interface DraftHistory {
  past: FlowDocument[];
  present: FlowDocument;
  future: FlowDocument[];
  /** What the last change was, to merge keystrokes into one undo step. */
  lastKey: string | null;
  lastAt: number;
}

export type HistoryAction =
  | { type: "do"; action: DraftAction; at: number }
  | { type: "undo" }
  | { type: "redo" }
  /** Replaces the draft without an undo step (e.g. the server restored a version). */
  | { type: "reset"; document: FlowDocument };

export const HISTORY_LIMIT = 100;
export const MERGE_WINDOW_MS = 1000;

export const initialHistory = (document: FlowDocument): DraftHistory => ({
  past: [],
  present: document,
  future: [],
  lastKey: null,
  lastAt: 0,
});

function mergeKey(action: DraftAction): string | null {
  if (action.type !== "update_step") return null;
  return `${action.id}:${Object.keys(action.patch).sort().join(",")}`;
}

export function historyReducer(h: DraftHistory, a: HistoryAction): DraftHistory {
  switch (a.type) {
    case "undo": {
      const previous = h.past[h.past.length - 1];
      if (!previous) return h;
      return {
        past: h.past.slice(0, -1),
        present: previous,
        future: [h.present, ...h.future],
        lastKey: null,
        lastAt: 0,
      };
    }
    case "redo": {
      const next = h.future[0];
      if (!next) return h;
      return {
        past: [...h.past, h.present],
        present: next,
        future: h.future.slice(1),
        lastKey: null,
        lastAt: 0,
      };
    }
    case "reset":
      return initialHistory(a.document);
    case "do": {
      const present = draftReducer(h.present, a.action);
      if (present === h.present) return h;
      const key = mergeKey(a.action);
      const merge = key !== null && key === h.lastKey && a.at - h.lastAt < MERGE_WINDOW_MS;
      return {
        past: merge ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT),
        present,
        future: [],
        lastKey: key,
        lastAt: a.at,
      };
    }
  }
}
