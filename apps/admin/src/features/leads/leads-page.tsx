"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { PageContainer } from "@/components/page";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { TargetIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { LeadFiltersBar } from "./lead-filters";
import { hasFilters, type LeadFilters, leadsListInput, NO_FILTERS, type StageKind } from "./lead-view";
import { LeadsTable } from "./leads-table";

export function LeadsPage() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<LeadFilters>(NO_FILTERS);
  const stages = useQuery(trpc.leads.stages.queryOptions());
  const members = useQuery(trpc.workspace.members.queryOptions());
  const bots = useQuery(trpc.bots.list.queryOptions());
  const leads = useQuery({
    ...trpc.leads.list.queryOptions(leadsListInput(filters)),
    refetchInterval: 10_000,
  });
  const stageKinds = useMemo(
    () => new Map<string, StageKind>((stages.data ?? []).map((s) => [s.id, s.kind])),
    [stages.data],
  );

  return (
    <PageContainer>
      <PageHeader
        title="Leads"
        description="Sales opportunities your bots' Create-lead steps made, with the chat that led to them."
        actions={
          <LeadFiltersBar
            value={filters}
            onChange={setFilters}
            stages={stages.data ?? []}
            members={members.data ?? []}
            bots={bots.data ?? []}
          />
        }
      />
      {leads.isPending ? (
        <Card className="divide-y divide-zinc-100">
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-4">
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-56" />
                <Skeleton className="h-3 w-32" />
              </div>
              <Skeleton className="h-5 w-20 rounded-full" />
            </div>
          ))}
        </Card>
      ) : leads.error ? (
        <ErrorNotice
          title="Couldn't load the leads"
          message={errorMessage(leads.error)}
          action={
            <Button size="sm" onClick={() => leads.refetch()}>
              Retry
            </Button>
          }
        />
      ) : leads.data.length === 0 ? (
        hasFilters(filters) ? (
          <EmptyState
            icon={<TargetIcon size={22} />}
            title="No leads match these filters"
            description="Try another stage, owner or bot."
            action={
              <Button size="sm" onClick={() => setFilters(NO_FILTERS)} data-testid="leads-clear-filters">
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<TargetIcon size={22} />}
            title="No leads yet"
            description="Add a Create-lead step to a flow: every chat that reaches it becomes a lead here, with its transcript."
            action={
              <Link href="/flows" className="text-sm font-medium text-brand-600 hover:text-brand-700">
                Go to flows →
              </Link>
            }
          />
        )
      ) : (
        <>
          <LeadsTable leads={leads.data} stageKinds={stageKinds} />
          {leads.data.length >= 200 && (
            <p className="mt-3 text-xs text-zinc-500">Showing the newest 200 leads. Filter to see others.</p>
          )}
        </>
      )}
    </PageContainer>
  );
}
