"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import { RefreshIcon } from "@/components/ui/icons";
import { Modal } from "@/components/ui/modal";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { dateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { lastResult, prettyJson, STATUS_LABEL, STATUS_TONE } from "./delivery-view";

function Block({ title, children }: { title: string; children: string }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-zinc-500">{title}</p>
      <pre className="max-h-72 overflow-auto rounded-lg bg-zinc-950 p-3 font-mono text-[11px] leading-relaxed text-zinc-100">
        {children}
      </pre>
    </div>
  );
}

/** One delivery: its payload, the last answer, and a button to send it again. */
export function DeliveryModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const delivery = useQuery({ ...trpc.webhooks.delivery.queryOptions({ id: id ?? "" }), enabled: !!id });
  const redeliver = useMutation(
    trpc.webhooks.redeliver.mutationOptions({
      onSuccess: () => {
        toast({ tone: "success", title: "Queued again: it is sent within seconds" });
        void queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't redeliver", message: errorMessage(e) }),
    }),
  );
  const d = delivery.data;

  return (
    <Modal
      open={!!id}
      onClose={onClose}
      title="Webhook delivery"
      description={d ? <span className="font-mono text-xs">{d.id}</span> : undefined}
      className="max-w-2xl"
      data-testid="webhook-delivery-modal"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
          <Button
            variant="primary"
            disabled={!d || d.status === "pending" || redeliver.isPending}
            onClick={() => id && redeliver.mutate({ id })}
            data-testid="webhook-redeliver"
          >
            <RefreshIcon size={14} /> Redeliver
          </Button>
        </>
      }
    >
      {delivery.error ? (
        <p className="text-sm text-red-600">{errorMessage(delivery.error)}</p>
      ) : !d ? (
        <Skeleton className="h-40 w-full" />
      ) : (
        <div className="space-y-4 text-sm">
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5">
            <dt className="text-zinc-500">Status</dt>
            <dd>
              <Badge tone={STATUS_TONE[d.status]} dot>
                {STATUS_LABEL[d.status]}
              </Badge>
            </dd>
            <dt className="text-zinc-500">URL</dt>
            <dd className="font-mono text-xs break-all">{d.url}</dd>
            <dt className="text-zinc-500">Attempts</dt>
            <dd>
              {d.attempts}
              {d.lastAttemptAt ? ` · last ${dateTime(d.lastAttemptAt)}` : ""}
              {d.status === "pending" && d.nextAttemptAt ? ` · next ${dateTime(d.nextAttemptAt)}` : ""}
            </dd>
            <dt className="text-zinc-500">Last result</dt>
            <dd>{lastResult(d)}</dd>
            {d.deliveredAt && (
              <>
                <dt className="text-zinc-500">Delivered</dt>
                <dd>{dateTime(d.deliveredAt)}</dd>
              </>
            )}
          </dl>
          <Block title="Payload">{prettyJson(d.payload)}</Block>
          {d.lastResponse !== null && (
            <Block title="Last response (first 1 KB)">{d.lastResponse || "(empty)"}</Block>
          )}
        </div>
      )}
    </Modal>
  );
}
