"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { ConversationStatusBadge } from "@/components/conversation-status-badge";
import { TranscriptMessages } from "@/components/transcript/transcript-messages";
import { buttonClass } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { PageLoading } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { ConversationDetails } from "./conversation-details";
import { displayStatus } from "./inbox-state";
import { OpenInInbox } from "./open-in-inbox";

/** One conversation: its transcript (polled, so replies and the user's messages appear); operators work it in the inbox. */
export function TranscriptPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.conversations.transcript.queryOptions({ id }), refetchInterval: 3000 });
  const queue = useQuery({ ...trpc.inbox.queue.queryOptions(), refetchInterval: 3000 });
  const waitingIds = useMemo(
    () => new Set((queue.data?.waiting ?? []).map((w) => w.conversationId)),
    [queue.data],
  );

  if (q.isPending) return <PageLoading label="Loading the transcript…" />;
  if (q.error)
    return (
      <div className="mx-auto max-w-xl p-10">
        <ErrorNotice
          title="Couldn't load this conversation"
          message={errorMessage(q.error)}
          action={
            <Link href="/conversations" className={buttonClass("secondary", "sm")}>
              Back
            </Link>
          }
        />
      </div>
    );

  const { conversation: c, messages } = q.data;
  const name = [c.contact.firstName, c.contact.lastName].filter(Boolean).join(" ") || `Chat ${c.chatId}`;
  const status = displayStatus(c.status, c.id, waitingIds);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <header className="flex shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-6 py-3">
        <Link
          href="/conversations"
          className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100"
          aria-label="Back to conversations"
        >
          <ArrowLeftIcon size={16} />
        </Link>
        <span className="flex size-9 items-center justify-center rounded-full bg-zinc-100 text-sm font-semibold text-zinc-600">
          {Array.from(name)[0]?.toUpperCase()}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <h1 className="truncate text-sm font-semibold text-zinc-900" data-testid="transcript-contact">
              {name}
            </h1>
            <ConversationStatusBadge status={status} />
          </div>
          <p className="truncate text-xs text-zinc-500">
            {c.contact.username && <>@{c.contact.username} · </>}with @{c.botUsername}
          </p>
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col">
          <TranscriptMessages messages={messages} className="min-h-0 flex-1" />
          {(status === "waiting" || status === "operator") && (
            <OpenInInbox conversationId={c.id} waiting={status === "waiting"} />
          )}
        </div>
        <ConversationDetails c={c} name={name} />
      </div>
    </div>
  );
}
