"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageContainer } from "@/components/page";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { FlowIcon, PlusIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { CreateFlowModal } from "./create-flow-modal";
import { FlowRow } from "./flow-row";
import { ImportButton } from "./import-button";

export function FlowsPage() {
  const trpc = useTRPC();
  const flows = useQuery(trpc.flows.list.queryOptions());
  const bots = useQuery(trpc.bots.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const botName = new Map((bots.data ?? []).map((b) => [b.id, b.username]));

  return (
    <PageContainer>
      <PageHeader
        title="Flows"
        description="Draw conversations as steps on a canvas, test them, then publish them to your bots."
        actions={
          <>
            <ImportButton />
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-flow">
              <PlusIcon size={15} /> New flow
            </Button>
          </>
        }
      />
      {flows.isPending ? (
        <Card className="divide-y divide-zinc-100">
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-4">
              <Skeleton className="size-9" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-32" />
              </div>
            </div>
          ))}
        </Card>
      ) : flows.error ? (
        <ErrorNotice
          title="Couldn't load your flows"
          message={errorMessage(flows.error)}
          action={
            <Button size="sm" onClick={() => flows.refetch()}>
              Retry
            </Button>
          }
        />
      ) : flows.data.length === 0 ? (
        <EmptyState
          icon={<FlowIcon size={22} />}
          title="No flows yet"
          description="Create your first flow from the welcome template, or import one you exported before."
          action={
            <Button variant="primary" onClick={() => setCreating(true)}>
              <PlusIcon size={15} /> Create a flow
            </Button>
          }
        />
      ) : (
        <Card>
          <ul className="divide-y divide-zinc-100" data-testid="flows-list">
            {flows.data.map((f) => (
              <FlowRow
                key={f.id}
                flow={f}
                botNames={f.botIds.map((id) => botName.get(id)).filter((n): n is string => !!n)}
              />
            ))}
          </ul>
        </Card>
      )}
      <CreateFlowModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
