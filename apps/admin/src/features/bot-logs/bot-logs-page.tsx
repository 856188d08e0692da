"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { PageContainer } from "@/components/page";
import { PageHeader } from "@/components/ui/card";
import { ArrowLeftIcon, HistoryIcon } from "@/components/ui/icons";
import { PagedList } from "@/components/ui/paged-list";
import { useTRPC } from "@/lib/trpc";
import { LogFiltersBar } from "./log-filters";
import { hasFilters, type LogFilters, logsInput, NO_FILTERS } from "./log-view";
import { LogsTable } from "./logs-table";
import { WebhookInfoCard } from "./webhook-info-card";

/** Admin → Bots → a bot's Logs: what went wrong between the bot and Telegram, and the webhook's state. */
export function BotLogsPage({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<LogFilters>(NO_FILTERS);
  // Typing in the search box doesn't ask the server on every key.
  const deferred = useDeferredValue(filters);
  // "Last hour" is measured from when the filters last changed, so the query key is stable.
  const input = useMemo(() => logsInput(botId, deferred, Date.now()), [botId, deferred]);
  const bots = useQuery(trpc.bots.list.queryOptions());
  const bot = bots.data?.find((b) => b.id === botId);
  const log = useInfiniteQuery({
    ...trpc.bots.logs.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
    refetchInterval: 15_000,
  });
  const lines = log.data?.pages.flatMap((p) => p.items) ?? [];
  const methods = log.data?.pages[0]?.methods ?? [];

  return (
    <PageContainer>
      <Link
        href="/bots"
        className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-brand-700"
      >
        <ArrowLeftIcon size={14} /> Bots
      </Link>
      <PageHeader
        title={bot ? `Logs of @${bot.username}` : "Bot logs"}
        description="Failed Telegram calls, errors, and updates set aside so the bot could go on. Kept 30 days unless your installation says otherwise."
      />
      <div className="space-y-6">
        <WebhookInfoCard botId={botId} />
        <LogFiltersBar filters={filters} methods={methods} onChange={setFilters} />
        <PagedList
          query={log}
          count={lines.length}
          errorTitle="Couldn't load the bot's log"
          empty={{
            icon: <HistoryIcon size={22} />,
            title: hasFilters(filters) ? "No lines match these filters" : "Nothing logged yet",
            description:
              "When a Telegram call fails, the bot can't work, or an update has to be set aside, it shows here.",
          }}
          loadMoreLabel="Load older lines"
        >
          <LogsTable lines={lines} />
        </PagedList>
      </div>
    </PageContainer>
  );
}
