import type { FlowDocument } from "@switchboard/flow";
import { type DraftAction, draftReducer } from "./draft";

/**
 * Undo/redo around the draft reducer. One user action is one undo step: changes dispatched with the
 * same `group` one after another (the edges and the step of one Delete, a whole typing session in one
 * field) fold into the undo step the first of them opened.
 */
export interface DraftHistory {
  past: FlowDocument[];
  present: FlowDocument;
  future: FlowDocument[];
  /** The group of the last change, to fold the next one into its undo step. */
  lastGroup: string | null;
}

export type HistoryAction =
  /** `group`: see edit-groups.ts; null (or absent) is a change of its own. */
  | { type: "do"; action: DraftAction; group?: string | null }
  | { type: "undo" }
  | { type: "redo" }
  /** Replaces the draft without an undo step (e.g. the server restored a version). */
  | { type: "reset"; document: FlowDocument };

export const HISTORY_LIMIT = 100;

export const initialHistory = (document: FlowDocument): DraftHistory => ({
  past: [],
  present: document,
  future: [],
  lastGroup: null,
});

export function historyReducer(h: DraftHistory, a: HistoryAction): DraftHistory {
  switch (a.type) {
    case "undo": {
      const previous = h.past[h.past.length - 1];
      if (!previous) return h;
      return {
        past: h.past.slice(0, -1),
        present: previous,
        future: [h.present, ...h.future],
        lastGroup: null,
      };
    }
    case "redo": {
      const next = h.future[0];
      if (!next) return h;
      return {
        past: [...h.past, h.present],
        present: next,
        future: h.future.slice(1),
        lastGroup: null,
      };
    }
    case "reset":
      return initialHistory(a.document);
    case "do": {
      const present = draftReducer(h.present, a.action);
      if (present === h.present) return h;
      const group = a.group ?? null;
      // Folding needs an undo step to fold into (not one cut off by the limit or undone since).
      const fold = group !== null && group === h.lastGroup && h.past.length > 0;
      return {
        past: fold ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT),
        present,
        future: [],
        lastGroup: group,
      };
    }
  }
}
