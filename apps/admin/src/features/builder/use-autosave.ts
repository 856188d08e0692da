"use client";

import type { FlowDocument } from "@switchboard/flow";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/lib/errors";

export type SaveState = "saved" | "dirty" | "saving" | "error";

export interface Autosave {
  state: SaveState;
  /** Why the last save failed. */
  error: string | null;
  /** Saves now and resolves once the latest draft is stored (rejects if that save fails). */
  flush: () => Promise<void>;
  /** Resets the baseline after the draft was replaced by the server (e.g. a rollback). */
  markSaved: (doc: FlowDocument) => void;
}

/**
 * Debounced autosave of the draft. Saves run one after another (never out of order), and
 * `flush()` waits until the latest draft is stored (used before publish and export).
 */
export function useAutosave(
  draft: FlowDocument,
  save: (draft: FlowDocument) => Promise<unknown>,
  delayMs = 800,
): Autosave {
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(draft);
  const savedDoc = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const saveRef = useRef(save);
  saveRef.current = save;

  const run = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    chain.current = chain.current.then(async () => {
      const doc = latest.current;
      // Undone back to what is stored (e.g. a paste undone before it was saved): nothing to save.
      if (doc === savedDoc.current) {
        setState("saved");
        return;
      }
      setState("saving");
      try {
        await saveRef.current(doc);
        savedDoc.current = doc;
        setError(null);
        if (latest.current === doc) setState("saved");
        else {
          setState("dirty");
          // Changed meanwhile. Usually a timer is already set, but not when the draft went back to
          // what was stored before this save (an undo while saving): the debounce effect saw "nothing
          // to save" then. Without this, the draft would stay unsaved until the next edit.
          if (!timer.current) timer.current = setTimeout(() => run().catch(() => undefined), delayMs);
        }
      } catch (e) {
        setError(errorMessage(e, "Couldn't save the draft."));
        setState("error");
        throw e;
      }
    });
    const p = chain.current;
    // Keep the chain usable after a failure; callers of flush() still see the error.
    chain.current = p.catch(() => undefined);
    return p;
  }, [delayMs]);

  useEffect(() => {
    latest.current = draft;
    if (draft === savedDoc.current) return;
    setState((s) => (s === "saving" ? s : "dirty"));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      run().catch(() => undefined);
    }, delayMs);
  }, [draft, delayMs, run]);

  // A failed save retries by itself after a few seconds.
  useEffect(() => {
    if (state !== "error") return;
    const t = setTimeout(() => run().catch(() => undefined), 5000);
    return () => clearTimeout(t);
  }, [state, run]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (latest.current !== savedDoc.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  // Save what's pending when the builder unmounts (navigating away inside the app).
  useEffect(
    () => () => {
      if (latest.current !== savedDoc.current) run().catch(() => undefined);
    },
    [run],
  );

  /** Resets the baseline after the draft was replaced by the server (e.g. a rollback). */
  const markSaved = useCallback((doc: FlowDocument) => {
    savedDoc.current = doc;
    latest.current = doc;
    setState("saved");
  }, []);

  return useMemo(() => ({ state, error, flush: run, markSaved }), [state, error, run, markSaved]);
}
