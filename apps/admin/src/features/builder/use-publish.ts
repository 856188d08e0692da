"use client";

import type { FlowDocument } from "@switchboard/flow";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { type PublishResult, publishResultOf } from "./publish-result";
import { type ReleaseState, releaseReducer } from "./release-state";

export interface Publish {
  /** Which version is live and whether the draft differs from it: the top bar derives from this. */
  release: ReleaseState;
  /** A save stored `doc`; the server said whether it differs from the live version. */
  stored: (doc: FlowDocument, unpublishedChanges: boolean) => void;
  /** A rollback made `version` live and put `doc` (its source) into the draft. */
  rolledBack: (version: number, doc: FlowDocument) => void;
  publishing: boolean;
  /** The last publish's outcome, for the pill next to the button. */
  result: PublishResult | null;
  /** `note`: what the publisher writes about this version, kept in the version history. */
  publish: (note?: string) => Promise<void>;
}

/** Publishing the draft: saves it first, then asks the server to compile and publish it. */
export function usePublish({
  flowId,
  initial,
  initialDraft,
  draft,
  getDraft,
  flush,
  showProblems,
}: {
  flowId: string;
  initial: ReleaseState;
  /** The draft as loaded: the document the server's `initial.unpublishedChanges` is about. */
  initialDraft: FlowDocument;
  draft: FlowDocument;
  getDraft: () => FlowDocument;
  flush: () => Promise<void>;
  showProblems: () => void;
}): Publish {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const [release, dispatch] = useReducer(releaseReducer, initial);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [publishing, setPublishing] = useState(false);

  // The document the server last told us about; any other draft is an edit it hasn't compared yet.
  const known = useRef(initialDraft);
  useEffect(() => {
    if (draft !== known.current) dispatch({ type: "edited" });
  }, [draft]);
  const stored = useCallback(
    (doc: FlowDocument, unpublishedChanges: boolean) => {
      // An answer about an older draft than the one on screen would clear the marker too early.
      if (doc !== getDraft()) return;
      known.current = doc;
      dispatch({ type: "stored", unpublishedChanges });
    },
    [getDraft],
  );
  const rolledBack = useCallback((version: number, doc: FlowDocument) => {
    known.current = doc;
    dispatch({ type: "rolledBack", version });
  }, []);

  const publish = useCallback(
    async (note?: string) => {
      setPublishing(true);
      setResult(null);
      try {
        await flush();
        const published = getDraft();
        const outcome = await client.flows.publish.mutate({
          id: flowId,
          ...(note?.trim() ? { note: note.trim() } : {}),
        });
        setResult(publishResultOf(outcome));
        if (outcome.ok) {
          // The server published what flush() stored; edits made meanwhile still count as unpublished.
          if (published === getDraft()) known.current = published;
          dispatch({ type: "published", version: outcome.version });
          if (published !== getDraft()) dispatch({ type: "edited" });
          toast({
            tone: "success",
            title: `Version ${outcome.version} is live`,
            message: "Bots that run this flow use it for new messages from now on.",
          });
        } else showProblems();
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ id: flowId }) });
        // A publish re-syncs the flow's schedules: the next runs shown on Schedule steps change.
        void queryClient.invalidateQueries({ queryKey: trpc.flows.scheduleRuns.queryKey({ id: flowId }) });
      } catch (e) {
        setResult({ ok: false, message: errorMessage(e, "Couldn't publish. Try again.") });
      } finally {
        setPublishing(false);
      }
    },
    [flush, getDraft, client, flowId, queryClient, toast, trpc, showProblems],
  );

  return useMemo(
    () => ({ release, stored, rolledBack, publishing, result, publish }),
    [release, stored, rolledBack, publishing, result, publish],
  );
}
