"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { KeyboardIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/lib/trpc";
import { AlertsMenu } from "./alerts-menu";
import { ConversationList } from "./conversation-list";
import { ConversationPane, type Me, type PaneCommands } from "./conversation-pane";
import { ListFilters } from "./list-filters";
import { LiveIndicator } from "./live-indicator";
import { PresenceSelect } from "./presence-select";
import { ShortcutHelp } from "./shortcut-help";
import type { ShortcutAction } from "./shortcuts";
import { useDesktopNotifications } from "./use-desktop-notifications";
import { useInboxFilters } from "./use-inbox-filters";
import { useInboxList } from "./use-inbox-list";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { useListCursor } from "./use-list-cursor";
import { useRealtimeFeed } from "./use-realtime-feed";
import { ViewTabs } from "./view-tabs";

function focusRow(id: string | null) {
  if (!id) return;
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`)
      ?.focus({ preventScroll: true }),
  );
}

/**
 * The operator inbox: views and search on the left, the open conversation in the middle, the contact
 * on the right; live over the realtime feed, and driven from the keyboard.
 */
export function InboxPage({ userId, conversationId }: { userId: string; conversationId: string | null }) {
  const router = useRouter();
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.current.queryOptions());
  const me: Me = { userId, role: workspace.data?.role };
  const filters = useInboxFilters();
  const list = useInboxList({ view: filters.view, search: filters.debouncedSearch, botId: filters.botId });
  const feed = useRealtimeFeed();
  const alerts = useDesktopNotifications(list.counts);
  const cursor = useListCursor(
    list.items.map((i) => i.id),
    conversationId,
  );
  const pane = useRef<PaneCommands | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);

  useInboxShortcuts((action: ShortcutAction) => {
    switch (action.type) {
      case "next":
      case "previous":
        // The focus follows the cursor: Enter on the row opens it, Tab goes on from there.
        return focusRow(cursor.move(action.type === "next" ? 1 : -1));
      case "open":
        if (cursor.selectedId) router.push(filters.hrefFor(cursor.selectedId), { scroll: false });
        return;
      case "search":
        return search.current?.focus();
      case "reply":
        return pane.current?.focus("reply");
      case "note":
        return pane.current?.focus("note");
      case "close":
        return pane.current?.close();
      case "take":
        return pane.current?.take();
      case "view":
        return filters.setView(action.view);
      case "help":
        return setHelp(true);
    }
  });

  return (
    <div className="flex h-full min-h-0" data-testid="inbox">
      <div
        className={cn(
          "min-h-0 w-full shrink-0 flex-col border-r border-zinc-200 bg-white lg:flex lg:w-[22rem]",
          conversationId ? "hidden" : "flex",
        )}
      >
        <div className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-3">
          <h1 className="text-base font-semibold text-zinc-900">Inbox</h1>
          <LiveIndicator status={feed} />
          <span className="flex-1" />
          <PresenceSelect />
          <AlertsMenu alerts={alerts} />
          <Button
            size="icon"
            variant="ghost"
            onClick={() => setHelp(true)}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            data-testid="inbox-help"
          >
            <KeyboardIcon size={15} />
          </Button>
        </div>
        <ViewTabs view={filters.view} counts={list.counts} onChange={filters.setView} />
        <ListFilters
          search={filters.search}
          onSearch={filters.setSearch}
          botId={filters.botId}
          onBot={filters.setBotId}
          searching={filters.search !== filters.debouncedSearch || (list.isRefreshing && !!filters.search)}
          inputRef={search}
        />
        <div className="scrollbar-thin min-h-0 flex-1 overflow-y-auto">
          <ConversationList
            list={list}
            view={filters.view}
            searching={!!filters.debouncedSearch.trim()}
            openId={conversationId}
            selectedId={cursor.selectedId}
            hrefFor={filters.hrefFor}
          />
        </div>
      </div>
      <ConversationPane
        conversationId={conversationId}
        me={me}
        commands={pane}
        backHref={filters.listHref}
        hrefFor={filters.hrefFor}
      />
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
