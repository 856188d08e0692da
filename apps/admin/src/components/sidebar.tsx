"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/lib/trpc";
import { Logo } from "./logo";
import { BotIcon, ChatIcon, FlowIcon, InboxIcon, LogOutIcon, SettingsIcon, TargetIcon } from "./ui/icons";
import { Spinner } from "./ui/spinner";

const NAV = [
  { href: "/bots", label: "Bots", icon: BotIcon },
  { href: "/flows", label: "Flows", icon: FlowIcon },
  { href: "/conversations", label: "Conversations", icon: InboxIcon },
  { href: "/leads", label: "Leads", icon: TargetIcon },
  { href: "/sandbox", label: "Sandbox chat", icon: ChatIcon },
  { href: "/settings", label: "Settings", icon: SettingsIcon },
] as const;

function initials(name: string) {
  const letters = name
    .split(/\s+/)
    .map((w) => Array.from(w)[0] ?? "")
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters.slice(0, 1);
  return picked.join("").toUpperCase() || "?";
}

export function Sidebar({ user }: { user: { name: string; email: string } }) {
  const pathname = usePathname();
  const router = useRouter();
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.current.queryOptions());
  const [signingOut, setSigningOut] = useState(false);
  // The builder needs the room: the sidebar shrinks to an icon rail there.
  const compact = /^\/flows\/[^/]+/.test(pathname);

  async function signOut() {
    setSigningOut(true);
    try {
      await authClient.signOut();
    } finally {
      router.replace("/sign-in");
      router.refresh();
    }
  }

  const displayName = workspace.data?.userName ?? user.name;
  const workspaceName = workspace.data?.name ?? (workspace.isError ? `${user.name}'s workspace` : "…");

  return (
    <aside
      className={cn(
        "flex shrink-0 flex-col border-r border-zinc-200 bg-white transition-[width] duration-200",
        compact ? "w-16" : "w-60",
      )}
      data-testid="sidebar"
    >
      <div
        className={cn("flex h-14 items-center border-b border-zinc-100", compact ? "justify-center" : "px-4")}
      >
        <Link href="/bots" aria-label="Switchboard home">
          <Logo withText={!compact} />
        </Link>
      </div>
      <nav className="flex-1 space-y-0.5 overflow-y-auto p-2" aria-label="Main">
        {NAV.map(({ href, label, icon: Icon }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <Link
              key={href}
              href={href}
              title={compact ? label : undefined}
              data-testid={`nav-${href.slice(1)}`}
              aria-current={active ? "page" : undefined}
              className={cn(
                "group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
                compact && "justify-center px-0",
                active ? "bg-brand-50 text-brand-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
              )}
            >
              <Icon
                size={18}
                className={cn(active ? "text-brand-600" : "text-zinc-400 group-hover:text-zinc-600")}
              />
              {!compact && label}
            </Link>
          );
        })}
      </nav>
      <div className="border-t border-zinc-100 p-2">
        <div
          className={cn("flex items-center gap-3 rounded-lg p-2", compact && "flex-col gap-2 px-0")}
          title={compact ? `${workspaceName} — ${user.email}` : undefined}
        >
          <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-900 text-xs font-semibold text-white">
            {initials(displayName)}
          </span>
          {!compact && (
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-zinc-900" data-testid="workspace-name">
                {workspaceName}
              </p>
              <p className="truncate text-xs text-zinc-500">{workspace.data?.email ?? user.email}</p>
            </div>
          )}
          <button
            type="button"
            onClick={signOut}
            disabled={signingOut}
            data-testid="sign-out"
            className="rounded-md p-1.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
            aria-label="Sign out"
            title="Sign out"
          >
            {signingOut ? <Spinner /> : <LogOutIcon />}
          </button>
        </div>
      </div>
    </aside>
  );
}
