"use client";

import { useEffect, useMemo } from "react";
import { useFeedback } from "@/components/ui/feedback";
import { type LoadedDraft, loadDraft } from "./load";

/** The stored draft, read leniently; says so when parts of it (or all of it) couldn't be read. */
export function useLoadedDraft(raw: unknown): LoadedDraft {
  const { toast } = useFeedback();
  const loaded = useMemo(() => loadDraft(raw), [raw]);
  useEffect(() => {
    if (loaded.error)
      toast({ tone: "error", title: "The saved draft couldn't be read", message: loaded.error });
    else if (loaded.dropped > 0)
      toast({
        tone: "info",
        title: "Some parts of the draft were unreadable",
        message: `${loaded.dropped} unreadable step(s) or connection(s) were left out.`,
      });
  }, [loaded, toast]);
  return loaded;
}
