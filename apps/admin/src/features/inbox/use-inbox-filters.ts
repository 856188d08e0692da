"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { useDebounced } from "./use-now";
import { type InboxViewName, isView } from "./views";

/**
 * The view and bot filter live in the address (`/inbox/<id>?view=mine&bot=…`), so a reload or a
 * shared link shows the same list; the search box is the page's own (debounced for the server).
 */
export function useInboxFilters() {
  const params = useSearchParams();
  const pathname = usePathname();
  const viewParam = params.get("view");
  const view: InboxViewName = isView(viewParam) ? viewParam : "mine";
  const botId = params.get("bot") ?? "";
  const [search, setSearch] = useState("");
  const debouncedSearch = useDebounced(search, 250);

  const query = useCallback(
    (next: { view?: InboxViewName; botId?: string }) => {
      const q = new URLSearchParams();
      q.set("view", next.view ?? view);
      const bot = next.botId ?? botId;
      if (bot) q.set("bot", bot);
      return q.toString();
    },
    [view, botId],
  );

  // Next.js keeps useSearchParams in step with the History API, without a server round trip.
  const replace = (next: { view?: InboxViewName; botId?: string }) =>
    window.history.replaceState(null, "", `${pathname}?${query(next)}`);

  return {
    view,
    botId,
    search,
    debouncedSearch,
    setSearch,
    setView: (v: InboxViewName) => replace({ view: v }),
    setBotId: (b: string) => replace({ botId: b }),
    hrefFor: (conversationId: string) => `/inbox/${conversationId}?${query({})}`,
    listHref: `/inbox?${query({})}`,
  };
}
