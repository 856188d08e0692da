"use client";

import { useBuilder } from "../builder-context";

/** Says the draft differs from the live version, from the first edit (or the reload) until the next publish. */
export function UnpublishedChanges() {
  const { release } = useBuilder().publish;
  if (!release.unpublishedChanges) return null;
  return (
    <span
      data-testid="unpublished-changes"
      title={`The draft differs from v${release.liveVersion}, which bots run. Publish to make it live.`}
      className="inline-flex items-center gap-1.5 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-700 ring-1 ring-amber-600/20 ring-inset"
    >
      <span className="size-1.5 rounded-full bg-amber-500" />
      Unpublished changes
    </span>
  );
}
