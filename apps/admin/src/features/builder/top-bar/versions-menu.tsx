"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import { ChevronDownIcon, HistoryIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { dateTime } from "@/lib/format";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { useBuilder } from "../builder-context";
import { loadDraft } from "../load";

/** The live version's badge; opens the published versions, each one can be rolled back to. */
export function VersionsMenu() {
  const { flow, publish, autosave, replaceDraft } = useBuilder();
  const publishedVersion = publish.release.liveVersion;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const ref = useClickOutside(open, () => setOpen(false));
  const versions = useQuery({ ...trpc.flows.versions.queryOptions({ id: flow.id }), enabled: open });

  async function rollback(version: number) {
    const ok = await confirm({
      title: `Roll back to version ${version}?`,
      message: "Bots running this flow switch to that version, and its steps replace your current draft.",
      confirmLabel: `Use version ${version}`,
    });
    if (!ok) return;
    setBusy(version);
    try {
      await autosave.flush().catch(() => undefined);
      await client.flows.rollback.mutate({ id: flow.id, version });
      // Rolling back also restored that version's draft: show it, as what is now live.
      const fresh = await client.flows.get.query({ id: flow.id });
      const restored = loadDraft(fresh.draft).document;
      publish.rolledBack(fresh.publishedVersion ?? version, restored);
      replaceDraft(restored, { alreadySaved: true });
      void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ id: flow.id }) });
      void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
      toast({ tone: "success", title: `Version ${version} is live again` });
      setOpen(false);
    } catch (e) {
      toast({ tone: "error", title: "Couldn't roll back", message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        data-testid="published-version"
        className={cn(
          "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
          publishedVersion
            ? "bg-emerald-50 text-emerald-700 ring-emerald-600/20 hover:bg-emerald-100"
            : "bg-zinc-100 text-zinc-600 ring-zinc-500/15 hover:bg-zinc-200",
        )}
        title="Published versions"
      >
        {publishedVersion ? (
          <>
            <span className="size-1.5 rounded-full bg-emerald-500" />v{publishedVersion} live
          </>
        ) : (
          "Not published"
        )}
        <ChevronDownIcon size={11} />
      </button>
      {open && (
        <Popover className="right-auto left-0 w-80">
          <div className="flex items-center gap-2 border-b border-zinc-100 px-4 py-3">
            <HistoryIcon size={14} className="text-zinc-400" />
            <p className="text-sm font-semibold text-zinc-900">Published versions</p>
          </div>
          <div className="max-h-80 overflow-y-auto p-2">
            {versions.isLoading ? (
              <div className="flex justify-center p-4">
                <Spinner />
              </div>
            ) : versions.error ? (
              <p className="p-3 text-xs text-red-600">{errorMessage(versions.error)}</p>
            ) : !versions.data?.length ? (
              <p className="p-3 text-center text-xs text-zinc-500">
                Nothing published yet. Publish to make this flow available to your bots.
              </p>
            ) : (
              <ul>
                {versions.data.map((v) => (
                  <li
                    key={v.version}
                    className="flex items-center gap-3 rounded-lg px-2 py-2 hover:bg-zinc-50"
                    data-testid="version-row"
                  >
                    <span className="w-9 font-mono text-xs font-semibold text-zinc-700">v{v.version}</span>
                    <span className="min-w-0 flex-1">
                      <span className="block text-xs text-zinc-700">{dateTime(v.createdAt)}</span>
                      {v.publishedBy && (
                        <span
                          className="block truncate text-[11px] text-zinc-400"
                          data-testid="version-author"
                        >
                          by {v.publishedByName ?? "a deleted account"}
                        </span>
                      )}
                    </span>
                    {v.version === publishedVersion ? (
                      <span className="text-[11px] font-medium text-emerald-600">Live</span>
                    ) : (
                      <Button
                        size="sm"
                        variant="ghost"
                        loading={busy === v.version}
                        onClick={() => rollback(v.version)}
                      >
                        Roll back
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Popover>
      )}
    </div>
  );
}
