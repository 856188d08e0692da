import { cn } from "@/lib/cn";
import { type InboxCounts, type InboxViewName, shortCount, viewTabs } from "./views";

/** Waiting · Mine · All · Closed, with their numbers (keys 1–4). */
export function ViewTabs({
  view,
  counts,
  onChange,
}: {
  view: InboxViewName;
  counts: InboxCounts | undefined;
  onChange: (view: InboxViewName) => void;
}) {
  return (
    <div className="flex gap-1 border-b border-zinc-200 px-2" role="tablist" aria-label="Views">
      {viewTabs(counts).map((tab) => {
        const active = tab.view === view;
        return (
          <button
            key={tab.view}
            type="button"
            role="tab"
            aria-selected={active}
            onClick={() => onChange(tab.view)}
            title={`${tab.label} (${tab.key})`}
            data-testid={`inbox-tab-${tab.view}`}
            className={cn(
              "-mb-px flex flex-1 items-center justify-center gap-1.5 border-b-2 px-1 py-2.5 text-xs font-medium transition-colors",
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-zinc-500 hover:text-zinc-800",
            )}
          >
            {tab.label}
            {tab.count !== null && (
              <span
                data-testid={`inbox-count-${tab.view}`}
                className={cn(
                  "min-w-5 rounded-full px-1.5 py-px text-[10px] tabular-nums",
                  tab.alert
                    ? tab.view === "waiting"
                      ? "bg-amber-100 text-amber-800"
                      : "bg-brand-600 text-white"
                    : active
                      ? "bg-brand-100 text-brand-700"
                      : "bg-zinc-100 text-zinc-600",
                )}
                title={tab.unread ? `${tab.unread} with unread messages` : undefined}
              >
                {shortCount(tab.count)}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
