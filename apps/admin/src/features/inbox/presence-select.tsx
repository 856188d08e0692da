"use client";

import { cn } from "@/lib/cn";
import { type PresenceStatus, usePresence } from "./use-presence";

const DOT: Record<PresenceStatus, string> = {
  online: "bg-emerald-500",
  away: "bg-amber-500",
  offline: "bg-zinc-400",
};

/** Online / away (keeps the heartbeat going while the inbox is open). Only online operators get chats. */
export function PresenceSelect() {
  const { status, change, changing } = usePresence();
  const value = status ?? "online";
  return (
    <label
      className="relative inline-flex items-center"
      title="Routing gives new conversations only to operators who are online."
    >
      <span className={cn("pointer-events-none absolute left-2 size-2 rounded-full", DOT[value])} />
      <select
        aria-label="Your status"
        value={value}
        disabled={changing || status === null}
        onChange={(e) => change(e.target.value as PresenceStatus)}
        data-testid="presence-select"
        data-status={value}
        className="h-7 cursor-pointer appearance-none rounded-md border-0 bg-zinc-100 py-0 pr-2 pl-5 text-xs font-medium text-zinc-700 hover:bg-zinc-200 focus:ring-2 focus:ring-brand-500 focus:outline-none"
      >
        <option value="online">Online</option>
        <option value="away">Away</option>
        {value === "offline" && <option value="offline">Offline</option>}
      </select>
    </label>
  );
}
