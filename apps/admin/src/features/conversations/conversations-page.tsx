"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ConversationStatusBadge } from "@/components/conversation-status-badge";
import { PageContainer } from "@/components/page";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { InboxIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { dateTime, preview, timeAgo } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { displayStatus, listInput, matchesFilter, STATUS_FILTERS, type StatusFilter } from "./inbox-state";

export function ConversationsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const [botId, setBotId] = useState("");
  const [status, setStatus] = useState<StatusFilter>("");
  const bots = useQuery(trpc.bots.list.queryOptions());
  const list = useQuery({
    ...trpc.conversations.list.queryOptions(listInput(status, botId)),
    refetchInterval: 5000,
  });
  const queue = useQuery({ ...trpc.inbox.queue.queryOptions(), refetchInterval: 5000 });
  const waitingIds = useMemo(
    () => new Set((queue.data?.waiting ?? []).map((w) => w.conversationId)),
    [queue.data],
  );
  const rows = useMemo(
    () =>
      (list.data ?? [])
        .map((c) => ({ ...c, display: displayStatus(c.status, c.id, waitingIds) }))
        .filter((c) => matchesFilter(status, c.display)),
    [list.data, waitingIds, status],
  );
  const filtered = status !== "" || botId !== "";

  return (
    <PageContainer>
      <PageHeader
        title="Conversations"
        description="Every chat your bots have had, latest first. Open one to read the transcript or answer as an operator."
        actions={
          <>
            <Select
              aria-label="Filter by status"
              data-testid="conversations-status-filter"
              value={status}
              onChange={(e) => setStatus(e.target.value as StatusFilter)}
              className="w-56"
            >
              {STATUS_FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Filter by bot"
              data-testid="conversations-bot-filter"
              value={botId}
              onChange={(e) => setBotId(e.target.value)}
              className="w-56"
            >
              <option value="">All bots</option>
              {(bots.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  @{b.username}
                </option>
              ))}
            </Select>
          </>
        }
      />
      {list.isPending ? (
        <Card className="divide-y divide-zinc-100">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-4">
              <Skeleton className="size-9 rounded-full" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-40" />
                <Skeleton className="h-3 w-72" />
              </div>
            </div>
          ))}
        </Card>
      ) : list.error ? (
        <ErrorNotice
          title="Couldn't load conversations"
          message={errorMessage(list.error)}
          action={
            <Button size="sm" onClick={() => list.refetch()}>
              Retry
            </Button>
          }
        />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<InboxIcon size={22} />}
            title="No conversations match these filters"
            description="Try another status or bot."
            action={
              <Button
                size="sm"
                onClick={() => {
                  setStatus("");
                  setBotId("");
                }}
                data-testid="conversations-clear-filters"
              >
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<InboxIcon size={22} />}
            title="No conversations yet"
            description="When someone writes to one of your bots, the chat shows up here. Try it yourself in the Sandbox chat."
            action={
              <Link href="/sandbox" className="text-sm font-medium text-brand-600 hover:text-brand-700">
                Open the Sandbox chat →
              </Link>
            }
          />
        )
      ) : (
        <Card className="overflow-hidden">
          <div className="overflow-x-auto">
            <table className="w-full table-fixed text-left text-sm" data-testid="conversations-table">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-500">
                <tr>
                  <th className="w-[22%] px-5 py-2.5 font-medium">Contact</th>
                  <th className="w-[15%] px-3 py-2.5 font-medium">Bot</th>
                  <th className="w-[17%] px-3 py-2.5 font-medium">Status</th>
                  <th className="w-[11%] px-3 py-2.5 font-medium">Current step</th>
                  <th className="px-3 py-2.5 font-medium">Last message</th>
                  <th className="w-[11%] px-5 py-2.5 text-right font-medium">When</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {rows.map((c) => {
                  const name =
                    c.contactName?.trim() ||
                    (c.contactUsername ? `@${c.contactUsername}` : `Chat ${c.chatId}`);
                  return (
                    <tr
                      key={c.id}
                      onClick={() => router.push(`/conversations/${c.id}`)}
                      className="cursor-pointer hover:bg-zinc-50"
                      data-testid="conversation-row"
                    >
                      <td className="px-5 py-3">
                        <Link
                          href={`/conversations/${c.id}`}
                          className="flex min-w-0 items-center gap-3"
                          onClick={(e) => e.stopPropagation()}
                        >
                          <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-600">
                            {Array.from(name.replace(/^@/, ""))[0]?.toUpperCase() ?? "?"}
                          </span>
                          <span className="min-w-0">
                            <span className="block truncate font-medium text-zinc-900">{name}</span>
                            {c.contactUsername && c.contactName?.trim() && (
                              <span className="block truncate text-xs text-zinc-500">
                                @{c.contactUsername}
                              </span>
                            )}
                          </span>
                        </Link>
                      </td>
                      <td className="truncate px-3 py-3 text-zinc-600">@{c.botUsername}</td>
                      <td className="px-3 py-3">
                        <ConversationStatusBadge status={c.display} />
                      </td>
                      <td
                        className="truncate px-3 py-3 text-xs text-zinc-500"
                        title={c.currentStepTitle ?? undefined}
                        data-testid="conversation-current-step"
                      >
                        {c.currentStepTitle ?? "—"}
                      </td>
                      <td
                        className="truncate px-3 py-3 text-zinc-600"
                        title={preview(c.lastMessageText, 300)}
                      >
                        {preview(c.lastMessageText, 120) || <span className="text-zinc-400">—</span>}
                      </td>
                      <td
                        className="px-5 py-3 text-right text-xs whitespace-nowrap text-zinc-500"
                        title={dateTime(c.lastMessageAt)}
                      >
                        {timeAgo(c.lastMessageAt)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </PageContainer>
  );
}
