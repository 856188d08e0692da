"use client";

import { useQuery } from "@tanstack/react-query";
import { PageContainer } from "@/components/page";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { BotIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { BotCard } from "./bot-card";
import { ConnectBot } from "./connect-bot";

export function BotsPage() {
  const trpc = useTRPC();
  const bots = useQuery({ ...trpc.bots.list.queryOptions(), refetchInterval: 10_000 });
  const flows = useQuery(trpc.flows.list.queryOptions());
  const me = useQuery(trpc.workspace.current.queryOptions());
  const canEdit = me.data ? me.data.role !== "operator" : false;

  return (
    <PageContainer>
      <PageHeader
        title="Bots"
        description="Connect your Telegram bots and choose which published flow each one runs."
      />
      <div className="space-y-6">
        <ConnectBot />
        {bots.isPending ? (
          <div className="space-y-4">
            {[0, 1].map((i) => (
              <Card key={i} className="p-5">
                <div className="flex items-center gap-4">
                  <Skeleton className="size-11 rounded-full" />
                  <div className="flex-1 space-y-2">
                    <Skeleton className="h-4 w-40" />
                    <Skeleton className="h-3 w-24" />
                  </div>
                </div>
              </Card>
            ))}
          </div>
        ) : bots.error ? (
          <ErrorNotice
            title="Couldn't load your bots"
            message={errorMessage(bots.error)}
            action={
              <Button size="sm" onClick={() => bots.refetch()}>
                Retry
              </Button>
            }
          />
        ) : bots.data.length === 0 ? (
          <EmptyState
            icon={<BotIcon size={22} />}
            title="No bots yet"
            description="Connect your first Telegram bot with its token above. It will run the flow you choose for it."
          />
        ) : (
          <div className="space-y-4" data-testid="bots-list">
            {bots.data.map((bot) => (
              <BotCard
                key={bot.id}
                bot={bot}
                flows={flows.data ?? []}
                flowsLoading={flows.isPending}
                canEdit={canEdit}
              />
            ))}
          </div>
        )}
      </div>
    </PageContainer>
  );
}
