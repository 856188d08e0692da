"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RefreshIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { dateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { type WebhookInfo, webhookSummary } from "./log-view";

/** What Telegram says of the bot's webhook (getWebhookInfo), asked when the page opens or on Refresh. */
export function WebhookInfoCard({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const info = useQuery({ ...trpc.bots.webhookInfo.queryOptions({ botId }), retry: false });
  return (
    <Card className="p-5">
      <div data-testid="bot-webhook-info">
        <div className="flex items-center justify-between gap-3">
          <h2 className="text-sm font-semibold text-zinc-900">Telegram delivery</h2>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => info.refetch()}
            loading={info.isFetching}
            aria-label="Ask Telegram again"
          >
            {!info.isFetching && <RefreshIcon size={14} />} Refresh
          </Button>
        </div>
        {info.isPending ? (
          <Skeleton className="mt-3 h-10 w-full" />
        ) : info.error ? (
          <p className="mt-3 text-sm text-red-700">Couldn't ask Telegram: {errorMessage(info.error)}</p>
        ) : (
          <InfoBody info={info.data} />
        )}
      </div>
    </Card>
  );
}

function InfoBody({ info }: { info: WebhookInfo }) {
  const summary = webhookSummary(info);
  const rows: [string, string][] = [
    ["Webhook URL", info.url || "—"],
    ["Updates waiting", String(info.pendingUpdateCount)],
    [
      "Last error",
      info.lastErrorMessage ? `${info.lastErrorMessage} (${dateTime(info.lastErrorDate)})` : "—",
    ],
  ];
  if (info.maxConnections !== null) rows.push(["Max connections", String(info.maxConnections)]);
  if (info.allowedUpdates) rows.push(["Update types", info.allowedUpdates.join(", ")]);
  return (
    <div className="mt-3 space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={summary.tone} dot data-testid="bot-webhook-state">
          {summary.title}
        </Badge>
        <p className="text-sm text-zinc-600">{summary.detail}</p>
      </div>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="break-all font-mono text-xs leading-5 text-zinc-800">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
