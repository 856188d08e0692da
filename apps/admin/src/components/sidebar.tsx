"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { cn } from "@/lib/cn";
import { type MemberRole, managesMembers } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc";
import { Logo } from "./logo";
import {
  BotIcon,
  ChatIcon,
  FlowIcon,
  InboxIcon,
  LogOutIcon,
  PlayIcon,
  SendIcon,
  SettingsIcon,
  TargetIcon,
  UsersIcon,
} from "./ui/icons";
import { Spinner } from "./ui/spinner";
import { WorkspaceSwitcher } from "./workspace-switcher";

const INBOX = { href: "/inbox", label: "Inbox", icon: ChatIcon } as const;

const NAV = [
  { href: "/bots", label: "Bots", icon: BotIcon },
  { href: "/flows", label: "Flows", icon: FlowIcon },
  INBOX,
  { href: "/conversations", label: "Conversations", icon: InboxIcon },
  { href: "/leads", label: "Leads", icon: TargetIcon },
  // Owners and marketers: the Send-webhook delivery log and signing secret.
  { href: "/webhooks", label: "Webhooks", icon: SendIcon, managers: true },
  { href: "/sandbox", label: "Sandbox chat", icon: PlayIcon },
  // Owners and marketers manage the members.
  { href: "/members", label: "Members", icon: UsersIcon, managers: true },
  { href: "/settings", label: "Settings", icon: SettingsIcon },
] as const;

/** Operators work the inbox: it comes first for them. */
function navFor(role: MemberRole | undefined) {
  const items = NAV.filter((item) => !("managers" in item) || managesMembers(role));
  return role === "operator" ? [INBOX, ...items.filter((i) => i.href !== INBOX.href)] : items;
}

/** The inbox's attention number: people waiting, else the caller's chats with unread messages. */
function useInboxBadge() {
  const trpc = useTRPC();
  const counts = useQuery({ ...trpc.inbox.counts.queryOptions(), refetchInterval: 30_000 });
  if (!counts.data) return null;
  const { waiting, unreadMine } = counts.data;
  if (waiting > 0) return { n: waiting, tone: "amber" as const, title: `${waiting} waiting` };
  if (unreadMine > 0)
    return { n: unreadMine, tone: "brand" as const, title: `${unreadMine} with unread messages` };
  return null;
}

export function Sidebar({ user }: { user: { name: string; email: string } }) {
  const pathname = usePathname();
  const router = useRouter();
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.current.queryOptions());
  const [signingOut, setSigningOut] = useState(false);
  const badge = useInboxBadge();
  // The builder and the inbox need the room: the sidebar shrinks to an icon rail there.
  const compact = /^\/flows\/[^/]+/.test(pathname) || /^\/inbox(\/|$)/.test(pathname);

  async function signOut() {
    setSigningOut(true);
    try {
      await authClient.signOut();
    } finally {
      router.replace("/sign-in");
      router.refresh();
    }
  }

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
        {navFor(workspace.data?.role).map(({ href, label, icon: Icon }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <Link
              key={href}
              href={href}
              title={compact ? label : undefined}
              data-testid={`nav-${href.slice(1)}`}
              aria-current={active ? "page" : undefined}
              className={cn(
                "group relative flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
                compact && "justify-center px-0",
                active ? "bg-brand-50 text-brand-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
              )}
            >
              <Icon
                size={18}
                className={cn(active ? "text-brand-600" : "text-zinc-400 group-hover:text-zinc-600")}
              />
              {!compact && label}
              {href === INBOX.href && badge && (
                <span
                  title={badge.title}
                  data-testid="nav-inbox-badge"
                  className={cn(
                    "ml-auto rounded-full px-1.5 text-[10px] font-semibold tabular-nums",
                    compact && "absolute top-0.5 right-1 ml-0",
                    badge.tone === "amber" ? "bg-amber-100 text-amber-800" : "bg-brand-600 text-white",
                  )}
                >
                  {badge.n > 99 ? "99+" : badge.n}
                </span>
              )}
            </Link>
          );
        })}
      </nav>
      <div className="border-t border-zinc-100 p-2">
        <div className={cn("flex items-center gap-1", compact && "flex-col gap-2")}>
          <WorkspaceSwitcher
            workspaceName={workspaceName}
            email={workspace.data?.email ?? user.email}
            compact={compact}
          />
          <button
            type="button"
            onClick={signOut}
            disabled={signingOut}
            data-testid="sign-out"
            className="shrink-0 rounded-md p-1.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
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
