"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/lib/trpc";
import type { InboxViewName } from "./views";

const PAGE = 30;

export interface ListFilters {
  view: InboxViewName;
  search: string;
  botId: string;
}

/** One view of the inbox, page by page ("load more" asks for the next), and the tabs' counts. */
export function useInboxList({ view, search, botId }: ListFilters) {
  const trpc = useTRPC();
  const term = search.trim();
  const list = useInfiniteQuery({
    ...trpc.inbox.list.infiniteQueryOptions(
      { view, limit: PAGE, ...(term ? { search: term } : {}), ...(botId ? { botId } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    // Typing a search keeps the old rows on screen until the new ones come.
    placeholderData: keepPreviousData,
  });
  const counts = useQuery(trpc.inbox.counts.queryOptions(botId ? { botId } : undefined));

  const items = useMemo(() => {
    // A row that moved between two pages' fetches shows once.
    const seen = new Set<string>();
    return (list.data?.pages ?? []).flatMap((p) =>
      p.items.filter((item) => {
        if (seen.has(item.id)) return false;
        seen.add(item.id);
        return true;
      }),
    );
  }, [list.data]);

  return {
    items,
    counts: counts.data,
    isPending: list.isPending,
    isRefreshing: list.isFetching && !list.isFetchingNextPage && !list.isPending,
    error: list.error,
    retry: () => void list.refetch(),
    hasMore: list.hasNextPage,
    loadMore: () => void list.fetchNextPage(),
    loadingMore: list.isFetchingNextPage,
  };
}

export type InboxListItem = ReturnType<typeof useInboxList>["items"][number];
