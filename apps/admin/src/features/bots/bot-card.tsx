"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Field, Select } from "@/components/ui/field";
import {
  AlertIcon,
  ExternalIcon,
  HistoryIcon,
  KeyIcon,
  SettingsIcon,
  TrashIcon,
} from "@/components/ui/icons";
import { Toggle } from "@/components/ui/toggle";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { timeAgo } from "@/lib/format";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { BotSettingsModal } from "./bot-settings-modal";

type Bot = RouterOutputs["bots"]["list"][number];
type FlowSummary = RouterOutputs["flows"]["list"][number];

function StatusBadge({ bot }: { bot: Bot }) {
  if (bot.status === "disabled")
    return (
      <Badge tone="gray" dot data-testid="bot-status">
        Disabled
      </Badge>
    );
  if (bot.status === "failing")
    return (
      <Badge tone="red" dot data-testid="bot-status" title={bot.lastError ?? undefined}>
        Failing
      </Badge>
    );
  return (
    <Badge tone="green" dot data-testid="bot-status">
      Active
    </Badge>
  );
}

export function BotCard({
  bot,
  flows,
  flowsLoading,
  canEdit,
}: {
  bot: Bot;
  flows: FlowSummary[];
  flowsLoading: boolean;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  // Resolves once the lists are fetched again. An update's onSuccess returns it, so the mutation stays
  // pending (and the select shows the chosen value) until the refetched bot says the same: otherwise the
  // select flicks back to the old flow for the length of the refetch.
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() }),
    ]);
  const update = useMutation(
    trpc.bots.update.mutationOptions({
      onSuccess: invalidate,
      onError: (e) =>
        toast({ tone: "error", title: `Couldn't update @${bot.username}`, message: errorMessage(e) }),
    }),
  );
  const remove = useMutation(
    trpc.bots.remove.mutationOptions({
      onSuccess: () => {
        toast({ tone: "success", title: `@${bot.username} was disconnected` });
        void invalidate();
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't remove the bot", message: errorMessage(e) }),
    }),
  );

  const published = flows.filter((f) => f.publishedVersion !== null);
  const current = flows.find((f) => f.id === bot.entryFlowId);
  const pending = update.isPending ? update.variables : undefined;
  const entryFlowId = pending?.entryFlowId !== undefined ? pending.entryFlowId : bot.entryFlowId;
  const enabled = pending?.enabled ?? bot.status !== "disabled";
  const waitForStart = pending?.waitForStart ?? bot.waitForStart;
  const deliveryMode = pending?.deliveryMode ?? bot.deliveryMode;

  async function onRemove() {
    const ok = await confirm({
      title: `Remove @${bot.username}?`,
      message:
        "The bot stops answering and is disconnected from this workspace. Its conversations stay in the history. You can connect it again with its token.",
      confirmLabel: "Remove bot",
      danger: true,
    });
    if (ok) remove.mutate({ id: bot.id });
  }

  return (
    <Card className={cn("overflow-hidden", bot.status === "disabled" && "opacity-80")}>
      <div data-testid={`bot-card-${bot.username}`} data-bot-id={bot.id}>
        <div className="flex flex-wrap items-center gap-4 p-5">
          <span
            className={cn(
              "flex size-11 shrink-0 items-center justify-center rounded-full text-base font-semibold text-white",
              bot.status === "disabled" ? "bg-zinc-400" : "bg-gradient-to-br from-sky-400 to-brand-600",
            )}
          >
            {Array.from(bot.firstName || bot.username)[0]?.toUpperCase()}
          </span>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <p className="truncate text-sm font-semibold text-zinc-900">{bot.firstName}</p>
              <StatusBadge bot={bot} />
            </div>
            <a
              href={`https://t.me/${bot.username}`}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-brand-700"
              data-testid="bot-username"
            >
              @{bot.username} <ExternalIcon size={11} />
            </a>
          </div>
          <span
            className="inline-flex items-center gap-1.5 rounded-md bg-zinc-50 px-2 py-1 font-mono text-xs text-zinc-500 ring-1 ring-zinc-200"
            title="Only the start and end of the token are ever shown"
            data-testid="bot-token-hint"
          >
            <KeyIcon size={12} /> {bot.tokenHint}
          </span>
          {canEdit && (
            <Link
              href={`/bots/${bot.id}/logs`}
              className={buttonClass("secondary", "sm")}
              data-testid="bot-logs-open"
            >
              <HistoryIcon size={14} /> Logs
            </Link>
          )}
          <Button size="sm" onClick={() => setSettingsOpen(true)} data-testid="bot-settings-open">
            <SettingsIcon size={14} /> Settings
          </Button>
          <Button
            size="icon"
            variant="ghost"
            onClick={onRemove}
            loading={remove.isPending}
            aria-label={`Remove @${bot.username}`}
            title="Remove bot"
            data-testid="bot-remove"
            className="hover:bg-red-50 hover:text-red-600"
          >
            {!remove.isPending && <TrashIcon size={15} />}
          </Button>
        </div>

        {bot.status === "failing" && (
          <div
            className="mx-5 mb-4 flex gap-2.5 rounded-lg bg-red-50 p-3 text-sm ring-1 ring-red-200"
            data-testid="bot-last-error"
          >
            <AlertIcon size={15} className="mt-0.5 shrink-0 text-red-500" />
            <div className="min-w-0">
              <p className="font-medium text-red-800">
                The bot is failing{bot.lastErrorAt ? ` · ${timeAgo(bot.lastErrorAt)}` : ""}
              </p>
              <p className="mt-0.5 text-red-700 break-anywhere">{bot.lastError ?? "Unknown error."}</p>
            </div>
          </div>
        )}

        <div className="grid gap-4 border-t border-zinc-100 bg-zinc-50/60 px-5 py-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field
            label="Runs flow"
            htmlFor={`entry-${bot.id}`}
            hint={
              !flowsLoading && published.length === 0 ? (
                <span>
                  Publish a flow first.{" "}
                  <Link href="/flows" className="font-medium text-brand-600 hover:underline">
                    Go to flows →
                  </Link>
                </span>
              ) : !entryFlowId ? (
                <span className="text-amber-700">Choose a flow so the bot can answer.</span>
              ) : undefined
            }
          >
            <Select
              id={`entry-${bot.id}`}
              data-testid="bot-entry-flow"
              value={entryFlowId ?? ""}
              disabled={flowsLoading}
              onChange={(e) => update.mutate({ id: bot.id, entryFlowId: e.target.value || null })}
            >
              <option value="">— No flow —</option>
              {published.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} (v{f.publishedVersion})
                </option>
              ))}
              {current && current.publishedVersion === null && (
                <option value={current.id}>{current.name} (not published)</option>
              )}
            </Select>
          </Field>
          <Field
            label="Delivery"
            htmlFor={`mode-${bot.id}`}
            hint={
              deliveryMode === "webhook" ? "Telegram pushes updates to us." : "We ask Telegram for updates."
            }
          >
            <Select
              id={`mode-${bot.id}`}
              data-testid="bot-delivery-mode"
              value={deliveryMode}
              onChange={(e) =>
                update.mutate({ id: bot.id, deliveryMode: e.target.value as "polling" | "webhook" })
              }
            >
              <option value="polling">Long polling</option>
              <option value="webhook">Webhook</option>
            </Select>
          </Field>
          <div className="space-y-1.5">
            <span className="block text-xs font-medium text-zinc-700">Wait for /start</span>
            <div className="flex items-center gap-2.5">
              <Toggle
                checked={waitForStart}
                onChange={(v) => update.mutate({ id: bot.id, waitForStart: v })}
                label="Wait for /start"
                data-testid="bot-wait-for-start"
              />
              <span className="text-xs text-zinc-500">
                {waitForStart ? "New users must press /start" : "Replies at once"}
              </span>
            </div>
          </div>
          <div className="space-y-1.5">
            <span className="block text-xs font-medium text-zinc-700">Enabled</span>
            <div className="flex items-center gap-2.5">
              <Toggle
                checked={enabled}
                onChange={(v) => update.mutate({ id: bot.id, enabled: v })}
                label="Bot enabled"
                data-testid="bot-enabled"
              />
              <span className="text-xs text-zinc-500">{enabled ? "Answering messages" : "Paused"}</span>
            </div>
          </div>
        </div>
      </div>
      {settingsOpen && (
        <BotSettingsModal bot={bot} canEdit={canEdit} onClose={() => setSettingsOpen(false)} />
      )}
    </Card>
  );
}
