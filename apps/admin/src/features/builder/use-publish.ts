"use client";

import type { FlowDocument } from "@switchboard/flow";
import { useQueryClient } from "@tanstack/react-query";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { type PublishResult, publishResultOf } from "./publish-result";

export interface Publish {
  publishedVersion: number | null;
  /** After a rollback made another version live. */
  setPublishedVersion: Dispatch<SetStateAction<number | null>>;
  publishing: boolean;
  /** The last publish's outcome, for the pill next to the button. */
  result: PublishResult | null;
  /** `note`: what the publisher writes about this version, kept in the version history. */
  publish: (note?: string) => Promise<void>;
}

/** Publishing the draft: saves it first, then asks the server to compile and publish it. */
export function usePublish({
  flowId,
  initialVersion,
  draft,
  getDraft,
  flush,
  showProblems,
}: {
  flowId: string;
  initialVersion: number | null;
  draft: FlowDocument;
  getDraft: () => FlowDocument;
  flush: () => Promise<void>;
  showProblems: () => void;
}): Publish {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const [publishedVersion, setPublishedVersion] = useState(initialVersion);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [publishing, setPublishing] = useState(false);

  const publish = useCallback(
    async (note?: string) => {
      setPublishing(true);
      setResult(null);
      try {
        await flush();
        const outcome = await client.flows.publish.mutate({
          id: flowId,
          ...(note?.trim() ? { note: note.trim() } : {}),
        });
        setResult(publishResultOf(outcome));
        if (outcome.ok) {
          setPublishedVersion(outcome.version);
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
    [flush, client, flowId, queryClient, toast, trpc, showProblems],
  );

  // The result pill describes the draft it was published from; editing makes it stale.
  const publishedDraft = useRef<FlowDocument | null>(null);
  useEffect(() => {
    if (result && !(result.ok && result.stale)) publishedDraft.current = getDraft();
  }, [result, getDraft]);
  useEffect(() => {
    if (publishedDraft.current && publishedDraft.current !== draft) {
      publishedDraft.current = null;
      setResult((r) => (r?.ok ? { ...r, stale: true } : null));
    }
  }, [draft]);

  return useMemo(
    () => ({ publishedVersion, setPublishedVersion, publishing, result, publish }),
    [publishedVersion, publishing, result, publish],
  );
}
