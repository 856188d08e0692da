"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { InboxIcon, SearchIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { ConversationRow } from "./conversation-row";
import type { useInboxList } from "./use-inbox-list";
import { useNow } from "./use-now";
import { type InboxViewName, VIEW_EMPTY } from "./views";

type List = ReturnType<typeof useInboxList>;

function ListSkeleton() {
  return (
    <div className="divide-y divide-zinc-100" data-testid="inbox-list-loading">
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="flex gap-3 px-3 py-3.5">
          <Skeleton className="size-9 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3.5 w-32" />
            <Skeleton className="h-3 w-48" />
          </div>
        </div>
      ))}
    </div>
  );
}

function ListEmpty({ view, searching }: { view: InboxViewName; searching: boolean }) {
  const text = searching
    ? { title: "Nothing matches", description: "Search looks at names, usernames, phones and message texts." }
    : VIEW_EMPTY[view];
  return (
    <div className="flex flex-col items-center px-6 py-14 text-center" data-testid="inbox-list-empty">
      <div className="mb-3 flex size-11 items-center justify-center rounded-xl bg-zinc-100 text-zinc-500">
        {searching ? <SearchIcon size={18} /> : <InboxIcon size={18} />}
      </div>
      <p className="text-sm font-medium text-zinc-900">{text.title}</p>
      <p className="mt-1 max-w-64 text-xs text-zinc-500">{text.description}</p>
    </div>
  );
}

/** The view's conversations; more load when the end scrolls into sight (or on "Load more"). */
export function ConversationList({
  list,
  view,
  searching,
  openId,
  selectedId,
  hrefFor,
}: {
  list: List;
  view: InboxViewName;
  searching: boolean;
  openId: string | null;
  selectedId: string | null;
  hrefFor: (id: string) => string;
}) {
  const now = useNow();
  const end = useRef<HTMLDivElement>(null);
  const { hasMore, loadingMore, loadMore } = list;

  useEffect(() => {
    const el = end.current;
    if (!el || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !loadingMore) loadMore();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loadingMore, loadMore]);

  // The keyboard's cursor stays in sight.
  useEffect(() => {
    if (!selectedId) return;
    document
      .querySelector(`[data-conversation-id="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);

  if (list.isPending) return <ListSkeleton />;
  if (list.error)
    return (
      <ErrorNotice
        className="m-3"
        title="Couldn't load the conversations"
        message={errorMessage(list.error)}
        action={
          <Button size="sm" onClick={list.retry}>
            Retry
          </Button>
        }
      />
    );
  if (list.items.length === 0) return <ListEmpty view={view} searching={searching} />;

  return (
    <div data-testid="inbox-list" data-view={view}>
      <ul className="divide-y divide-zinc-100">
        {list.items.map((item) => (
          <ConversationRow
            key={item.id}
            item={item}
            now={now}
            open={item.id === openId}
            selected={item.id === selectedId}
            href={hrefFor(item.id)}
          />
        ))}
      </ul>
      {hasMore && (
        <div ref={end} className="p-3 text-center">
          <Button
            size="sm"
            variant="ghost"
            onClick={loadMore}
            loading={loadingMore}
            data-testid="inbox-load-more"
          >
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
