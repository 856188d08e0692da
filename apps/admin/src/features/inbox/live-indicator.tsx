import { cn } from "@/lib/cn";
import type { FeedStatus } from "./use-realtime-feed";

const LABEL: Record<FeedStatus, string> = {
  live: "Live",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
};
const HINT: Record<FeedStatus, string> = {
  live: "New messages and conversations appear as they happen.",
  connecting: "Connecting to the live feed…",
  reconnecting:
    "The live feed dropped; reconnecting. Nothing is lost: what happened meanwhile shows when it is back.",
};

/** Whether the live feed is connected. */
export function LiveIndicator({ status }: { status: FeedStatus }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset",
        status === "live"
          ? "bg-emerald-50 text-emerald-700 ring-emerald-600/20"
          : "bg-amber-50 text-amber-800 ring-amber-600/25",
      )}
      title={HINT[status]}
      data-testid="inbox-live"
      data-status={status}
      role="status"
    >
      <span
        className={cn(
          "size-1.5 rounded-full",
          status === "live" ? "bg-emerald-500" : "animate-pulse bg-amber-500",
        )}
      />
      {LABEL[status]}
    </span>
  );
}
