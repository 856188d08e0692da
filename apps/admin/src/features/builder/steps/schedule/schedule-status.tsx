"use client";

import { cn } from "@/lib/cn";
import type { ScheduleDisplay } from "./schedule-display";

/** The step's last and next runs (the server's, per bot), or the next run computed here before any bot runs it. */
export function ScheduleStatus({ display, compact }: { display: ScheduleDisplay; compact?: boolean }) {
  const row = compact ? "text-[11px]" : "text-xs";
  if (display.runs.length)
    return (
      <div className={cn("space-y-1", row)} data-testid="schedule-runs">
        {display.runs.map((r, i) => (
          <div key={i} className="text-zinc-600">
            {display.runs.length > 1 && <p className="truncate font-medium text-zinc-700">{r.bot}</p>}
            <p className="truncate">
              <span className="text-zinc-400">Next:</span> {r.next ?? "none"}
            </p>
            <p className="truncate">
              <span className="text-zinc-400">Last:</span> {r.last ?? "not yet"}
              {r.last && r.lastReached !== null && (
                <span className="text-zinc-400">
                  {" "}
                  · reached {r.lastReached} {r.lastReached === 1 ? "chat" : "chats"}
                </span>
              )}
            </p>
          </div>
        ))}
      </div>
    );
  return (
    <div className={cn("text-zinc-600", row)} data-testid="schedule-local">
      <p className="truncate">
        <span className="text-zinc-400">Next:</span>{" "}
        {display.localNext ?? (display.valid ? "none (the start has passed)" : "—")}
      </p>
      {!compact && <p className="text-zinc-400">Not run yet: no bot runs this flow's published version.</p>}
    </div>
  );
}
