"use client";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { dateTime, timeAgo } from "@/lib/format";
import { type Delivery, lastResult, STATUS_LABEL, STATUS_TONE } from "./delivery-view";

export function DeliveriesTable({
  deliveries,
  onOpen,
}: {
  deliveries: Delivery[];
  onOpen: (id: string) => void;
}) {
  return (
    <Card className="overflow-hidden">
      <div className="overflow-x-auto">
        <table className="w-full table-fixed text-left text-sm" data-testid="webhook-deliveries">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-500">
            <tr>
              <th className="w-[12%] px-5 py-2.5 font-medium">Status</th>
              <th className="px-3 py-2.5 font-medium">URL</th>
              <th className="w-[14%] px-3 py-2.5 font-medium">Bot</th>
              <th className="w-[9%] px-3 py-2.5 font-medium">Attempts</th>
              <th className="w-[18%] px-3 py-2.5 font-medium">Last result</th>
              <th className="w-[12%] px-5 py-2.5 text-right font-medium">Queued</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {deliveries.map((d) => (
              <tr
                key={d.id}
                onClick={() => onOpen(d.id)}
                className="cursor-pointer hover:bg-zinc-50"
                data-testid="webhook-delivery-row"
                data-delivery-id={d.id}
              >
                <td className="px-5 py-3">
                  <Badge tone={STATUS_TONE[d.status]} dot data-testid="webhook-delivery-status">
                    {STATUS_LABEL[d.status]}
                  </Badge>
                </td>
                <td className="truncate px-3 py-3 font-mono text-xs text-zinc-700" title={d.url}>
                  {d.url}
                </td>
                <td className="truncate px-3 py-3 text-zinc-600">
                  {d.botUsername ? `@${d.botUsername}` : "—"}
                </td>
                <td className="px-3 py-3 tabular-nums text-zinc-700">{d.attempts}</td>
                <td className="truncate px-3 py-3 text-zinc-600" title={d.lastError ?? undefined}>
                  {lastResult(d)}
                  {d.status === "pending" && d.nextAttemptAt && d.attempts > 0 && (
                    <span className="block text-xs text-zinc-400">next {timeAgo(d.nextAttemptAt)}</span>
                  )}
                </td>
                <td className="px-5 py-3 text-right text-zinc-500" title={dateTime(d.createdAt)}>
                  {timeAgo(d.createdAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
