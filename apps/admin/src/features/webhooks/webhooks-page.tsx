"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageContainer } from "@/components/page";
import { PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { SendIcon } from "@/components/ui/icons";
import { PagedList } from "@/components/ui/paged-list";
import { useTRPC } from "@/lib/trpc";
import { DeliveriesTable } from "./deliveries-table";
import { DeliveryModal } from "./delivery-modal";
import {
  type DeliveryFilters,
  type DeliveryStatus,
  deliveriesInput,
  NO_FILTERS,
  STATUS_LABEL,
} from "./delivery-view";
import { SigningSecretCard } from "./signing-secret-card";

export function WebhooksPage() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<DeliveryFilters>(NO_FILTERS);
  const [open, setOpen] = useState<string | null>(null);
  const bots = useQuery(trpc.bots.list.queryOptions());
  const log = useInfiniteQuery({
    ...trpc.webhooks.deliveries.infiniteQueryOptions(deliveriesInput(filters), {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
    refetchInterval: 10_000,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <PageContainer>
      <PageHeader
        title="Webhooks"
        description="What your flows' Send-webhook steps POSTed: delivered, retrying, or given up after a day."
        actions={
          <div className="flex gap-2">
            <Select
              aria-label="Status"
              value={filters.status}
              data-testid="webhook-filter-status"
              onChange={(e) => setFilters({ ...filters, status: e.target.value as DeliveryStatus | "" })}
            >
              <option value="">Any status</option>
              {(Object.keys(STATUS_LABEL) as DeliveryStatus[]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Bot"
              value={filters.botId}
              onChange={(e) => setFilters({ ...filters, botId: e.target.value })}
            >
              <option value="">Any bot</option>
              {(bots.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  @{b.username}
                </option>
              ))}
            </Select>
          </div>
        }
      />
      <div className="space-y-6">
        <PagedList
          query={log}
          count={items.length}
          errorTitle="Couldn't load the delivery log"
          empty={{
            icon: <SendIcon size={22} />,
            title:
              filters.status || filters.botId ? "No deliveries match these filters" : "No webhooks sent yet",
            description:
              "Add a Send webhook step to a flow: each chat that reaches it is POSTed to your URL and logged here.",
          }}
          loadMoreLabel="Load older deliveries"
        >
          <DeliveriesTable deliveries={items} onOpen={setOpen} />
        </PagedList>
        <SigningSecretCard />
      </div>
      <DeliveryModal id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
