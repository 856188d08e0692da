"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, HistoryIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { dateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useBuilder } from "../builder-context";
import { useRollback } from "../use-rollback";
import { VersionDiffDialog } from "../version-diff/version-diff-dialog";

/** The live version's badge; opens the published versions, each one can be rolled back to. */
export function VersionsMenu() {
  const { flow, publish } = useBuilder();
  const publishedVersion = publish.release.liveVersion;
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  // The version the diff view compares (with the draft, at first); null: closed.
  const [comparing, setComparing] = useState<number | null>(null);
  const { rollback: confirmRollback, busy } = useRollback();
  const ref = useClickOutside(open, () => setOpen(false));
  const versions = useQuery({
    ...trpc.flows.versions.queryOptions({ id: flow.id }),
    enabled: open || comparing !== null,
  });

  async function rollback(version: number) {
    if (await confirmRollback(version)) setOpen(false);
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
        <Popover className="right-auto left-0 w-96">
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
                      {v.note && (
                        <span
                          className="block truncate text-[11px] text-zinc-600"
                          data-testid="version-note"
                          title={v.note}
                        >
                          “{v.note}”
                        </span>
                      )}
                      {v.publishedBy && (
                        <span
                          className="block truncate text-[11px] text-zinc-400"
                          data-testid="version-author"
                        >
                          by {v.publishedByName ?? "a deleted account"}
                        </span>
                      )}
                    </span>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        setComparing(v.version);
                        setOpen(false);
                      }}
                      data-testid="version-compare"
                      title={`Compare v${v.version} with the draft or another version`}
                    >
                      Compare
                    </Button>
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
      {comparing !== null && versions.data && (
        <VersionDiffDialog versions={versions.data} initial={comparing} onClose={() => setComparing(null)} />
      )}
    </div>
  );
}
