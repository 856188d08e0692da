"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { Popover } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { useClickOutside } from "@/components/ui/use-click-outside";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { assignOptionState } from "./permissions";

const PRESENCE_DOT = { online: "bg-emerald-500", away: "bg-amber-500", offline: "bg-zinc-300" } as const;

/** "Assign" / "Transfer": the bot's pool with presence and load; someone full can't be picked. */
export function AssignMenu({
  botId,
  assigneeId,
  disabledReason,
  busy,
  onAssign,
}: {
  botId: string;
  assigneeId: string | null;
  disabledReason: string | null;
  busy: boolean;
  onAssign: (userId: string, name: string) => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const ref = useClickOutside(open, () => setOpen(false));
  const operators = useQuery({ ...trpc.inbox.operators.queryOptions({ botId }), enabled: open });

  return (
    <div ref={ref} className="relative">
      <Button
        size="sm"
        onClick={() => setOpen((o) => !o)}
        disabled={!!disabledReason}
        loading={busy}
        title={disabledReason ?? "Give the conversation to someone in the bot's pool"}
        aria-expanded={open}
        data-testid="inbox-assign"
      >
        {assigneeId ? "Transfer" : "Assign"} <ChevronDownIcon size={12} />
      </Button>
      {open && (
        <Popover className="w-72 overflow-hidden">
          <p className="border-b border-zinc-100 px-3 py-2 text-xs font-medium text-zinc-500">
            {assigneeId ? "Pass it on to" : "Give it to"}
          </p>
          {operators.isPending ? (
            <div className="flex justify-center p-4">
              <Spinner />
            </div>
          ) : operators.error ? (
            <p className="p-3 text-xs text-red-700">{errorMessage(operators.error)}</p>
          ) : operators.data.length === 0 ? (
            <p className="p-3 text-xs text-zinc-500">Nobody is in this bot's operator pool.</p>
          ) : (
            <ul className="max-h-72 overflow-y-auto py-1" data-testid="inbox-assign-menu">
              {operators.data.map((o) => {
                const state = assignOptionState(o, assigneeId);
                return (
                  <li key={o.userId}>
                    <button
                      type="button"
                      disabled={!state.enabled}
                      onClick={() => {
                        setOpen(false);
                        onAssign(o.userId, o.isMe ? "you" : o.name);
                      }}
                      data-testid="inbox-assign-option"
                      data-user={o.name}
                      className={cn(
                        "flex w-full items-center gap-2.5 px-3 py-2 text-left text-sm",
                        state.enabled ? "hover:bg-zinc-50" : "cursor-not-allowed opacity-60",
                      )}
                    >
                      <span
                        className={cn("size-2 shrink-0 rounded-full", PRESENCE_DOT[o.presence])}
                        title={o.presence}
                      />
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium text-zinc-900">
                          {o.name}
                          {o.isMe && <span className="font-normal text-zinc-500"> (you)</span>}
                        </span>
                        <span className="block text-xs text-zinc-500">
                          {o.presence} · {o.openChats}/{o.maxParallelChats} open here
                        </span>
                      </span>
                      {state.note && <span className="shrink-0 text-[11px] text-zinc-500">{state.note}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </Popover>
      )}
    </div>
  );
}
