"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useCallback, useState } from "react";
import { cn } from "@/lib/cn";
import { ROLE_LABEL, sectionRoot } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc";
import { useSwitchWorkspace } from "@/lib/use-switch-workspace";
import { CheckIcon, ChevronUpIcon } from "./ui/icons";
import { Spinner } from "./ui/spinner";
import { useClickOutside } from "./ui/use-click-outside";

/** A workspace's one-letter mark. */
function Mark({ name, className }: { name: string; className?: string }) {
  const letter = Array.from(name.trim())[0]?.toUpperCase() ?? "?";
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex shrink-0 items-center justify-center rounded-md bg-brand-100 font-semibold text-brand-700 ring-1 ring-brand-200",
        className,
      )}
    >
      {letter}
    </span>
  );
}

/**
 * The sidebar's current workspace, which opens a menu of the user's workspaces: choosing one switches
 * the session to it (the API then resolves every call there) and reloads the current section.
 */
export function WorkspaceSwitcher({
  workspaceName,
  email,
  compact,
}: {
  workspaceName: string;
  email: string;
  compact: boolean;
}) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const ref = useClickOutside<HTMLDivElement>(open, close);
  const list = useQuery({ ...trpc.workspace.list.queryOptions(), enabled: open });
  const switchTo = useSwitchWorkspace(() => sectionRoot(pathname));

  return (
    <div ref={ref} className={cn("relative min-w-0", !compact && "flex-1")}>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="workspace-switcher"
        title={compact ? `${workspaceName} — ${email}` : `${workspaceName}: switch workspace`}
        className={cn(
          "flex w-full items-center gap-2.5 rounded-lg p-1.5 text-left transition-colors hover:bg-zinc-100",
          open && "bg-zinc-100",
          compact && "justify-center",
        )}
      >
        <Mark name={workspaceName} className="size-8 text-sm" />
        {!compact && (
          <>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium text-zinc-900" data-testid="workspace-name">
                {workspaceName}
              </span>
              <span className="block truncate text-xs text-zinc-500">{email}</span>
            </span>
            <ChevronUpIcon size={14} className="shrink-0 text-zinc-400" />
          </>
        )}
      </button>
      {open && (
        <div
          role="menu"
          data-testid="workspace-menu"
          className={cn(
            "animate-fade-in absolute z-40 w-72 rounded-xl bg-white p-1.5 shadow-xl ring-1 ring-zinc-200",
            compact ? "bottom-0 left-full ml-2" : "bottom-full left-0 mb-2",
          )}
        >
          <p className="px-2 pt-1 pb-1.5 text-xs font-medium text-zinc-500">Your workspaces</p>
          {list.isPending ? (
            <div className="flex items-center gap-2 px-2 py-2 text-sm text-zinc-500">
              <Spinner /> Loading…
            </div>
          ) : list.error ? (
            <p className="px-2 py-2 text-sm text-red-700">Couldn't load your workspaces.</p>
          ) : (
            <ul className="max-h-72 overflow-y-auto">
              {list.data.map((ws) => (
                <li key={ws.id}>
                  <button
                    type="button"
                    role="menuitemradio"
                    aria-checked={ws.current}
                    disabled={switchTo.isPending}
                    data-testid="workspace-option"
                    data-current={ws.current || undefined}
                    onClick={() => (ws.current ? close() : switchTo.mutate({ workspaceId: ws.id }))}
                    className="flex w-full items-center gap-2.5 rounded-lg px-2 py-1.5 text-left hover:bg-zinc-100 disabled:cursor-wait"
                  >
                    <Mark name={ws.name} className="size-7 text-xs" />
                    <span className="min-w-0 flex-1">
                      <span className="line-clamp-2 text-sm break-words text-zinc-900">{ws.name}</span>
                      <span className="block text-xs text-zinc-500">{ROLE_LABEL[ws.role]}</span>
                    </span>
                    {switchTo.isPending && switchTo.variables?.workspaceId === ws.id ? (
                      <Spinner className="text-zinc-400" />
                    ) : ws.current ? (
                      <CheckIcon size={15} className="text-brand-600" />
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {list.data?.length === 1 && (
            <p className="mx-2 mt-1 border-t border-zinc-100 pt-2 pb-1 text-xs text-zinc-500">
              To join another workspace, open the invitation link you were sent.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
