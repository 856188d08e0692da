"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { TranscriptMessages } from "@/components/transcript/transcript-messages";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorNotice } from "@/components/ui/card";
import { ArrowLeftIcon, ChatIcon } from "@/components/ui/icons";
import { PageLoading } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { LeadSidebar } from "./lead-sidebar";
import { LeadTitle } from "./lead-title";
import { StageBadge } from "./stage-badge";
import { useUpdateLead } from "./use-update-lead";

/** One lead: its title, stage, owner, contact and source, and the transcript of its conversation. */
export function LeadPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.leads.get.queryOptions({ id }), refetchInterval: 5000 });
  const stages = useQuery(trpc.leads.stages.queryOptions());
  const updater = useUpdateLead(id);

  if (q.isPending) return <PageLoading label="Loading the lead…" />;
  if (q.error)
    return (
      <div className="mx-auto max-w-xl p-10">
        <ErrorNotice
          title="Couldn't load this lead"
          message={errorMessage(q.error)}
          action={
            <Link href="/leads" className={buttonClass("secondary", "sm")}>
              Back
            </Link>
          }
        />
      </div>
    );

  const { lead, transcript } = q.data;
  const kind = stages.data?.find((s) => s.id === lead.stageId)?.kind;

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="lead-page">
      <header className="flex shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-6 py-3">
        <Link
          href="/leads"
          className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100"
          aria-label="Back to leads"
        >
          <ArrowLeftIcon size={16} />
        </Link>
        <div className="flex min-w-0 flex-1 items-center gap-3">
          <LeadTitle key={lead.title} title={lead.title} updater={updater} />
          <StageBadge name={lead.stageName} kind={kind} />
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="shrink-0 border-b border-zinc-200 bg-white px-6 py-2 text-xs text-zinc-500">
            {transcript ? `Conversation with @${transcript.conversation.botUsername}` : "Transcript"}
          </div>
          {transcript ? (
            <TranscriptMessages messages={transcript.messages} className="min-h-0 flex-1" />
          ) : (
            <div className="flex-1 bg-zinc-50 p-6">
              <EmptyState
                icon={<ChatIcon size={22} />}
                title="No conversation"
                description="This lead was added by hand, or its conversation was deleted with its bot."
              />
            </div>
          )}
        </div>
        <LeadSidebar lead={lead} updater={updater} />
      </div>
    </div>
  );
}
