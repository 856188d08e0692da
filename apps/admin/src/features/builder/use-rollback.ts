"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { useBuilder } from "./builder-context";
import { loadDraft } from "./load";

/**
 * Rolling back to a published version, after a confirmation: the versions menu and the version diff
 * share it. Answers whether the rollback happened.
 */
export function useRollback() {
  const { flow, publish, autosave, replaceDraft } = useBuilder();
  const { rolledBack } = publish;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const [busy, setBusy] = useState<number | null>(null);

  const rollback = useCallback(
    async (version: number): Promise<boolean> => {
      const ok = await confirm({
        title: `Roll back to version ${version}?`,
        message: "Bots running this flow switch to that version, and its steps replace your current draft.",
        confirmLabel: `Use version ${version}`,
      });
      if (!ok) return false;
      setBusy(version);
      try {
        await autosave.flush().catch(() => undefined);
        await client.flows.rollback.mutate({ id: flow.id, version });
        // Rolling back also restored that version's draft: show it, as what is now live.
        const fresh = await client.flows.get.query({ id: flow.id });
        const restored = loadDraft(fresh.draft).document;
        rolledBack(fresh.publishedVersion ?? version, restored);
        replaceDraft(restored, { alreadySaved: true });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ id: flow.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        toast({ tone: "success", title: `Version ${version} is live again` });
        return true;
      } catch (e) {
        toast({ tone: "error", title: "Couldn't roll back", message: errorMessage(e) });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [confirm, autosave, client, flow.id, rolledBack, replaceDraft, queryClient, trpc, toast],
  );

  return { rollback, busy };
}
