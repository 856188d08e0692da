"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { PageContainer } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Field, Input, Select } from "@/components/ui/field";
import { AlertIcon, BotIcon, ExternalIcon, KeyIcon, SparklesIcon, TrashIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { Toggle } from "@/components/ui/toggle";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { timeAgo } from "@/lib/format";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";

type Bot = RouterOutputs["bots"]["list"][number];
type FlowSummary = RouterOutputs["flows"]["list"][number];

function ConnectBot() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const connect = useMutation(
    trpc.bots.connect.mutationOptions({
      onSuccess: (bot) => {
        setToken("");
        setError(null);
        toast({
          tone: "success",
          title: `@${bot.username} is connected`,
          message: "Pick the flow it should run below.",
        });
        void queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = token.trim();
    if (!value) {
      setError("Paste the bot token from @BotFather first.");
      return;
    }
    connect.mutate({ token: value });
  }

  return (
    <Card className="p-5">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
        <div className="lg:w-72 lg:shrink-0">
          <h2 className="text-sm font-semibold text-zinc-900">Connect a bot</h2>
          <p className="mt-1 text-sm text-zinc-500">
            Paste the token{" "}
            <a
              href="https://t.me/BotFather"
              target="_blank"
              rel="noopener noreferrer"
              className="font-medium text-brand-600 hover:underline"
            >
              @BotFather
            </a>{" "}
            gave you. We check it with Telegram and store it encrypted.
          </p>
        </div>
        <form onSubmit={submit} className="min-w-0 flex-1" noValidate>
          <div className="flex gap-2">
            <Input
              data-testid="bot-token"
              aria-label="Bot token"
              value={token}
              onChange={(e) => {
                setToken(e.target.value);
                if (error) setError(null);
              }}
              placeholder="123456789:AAH…"
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              invalid={!!error}
              className="font-mono"
            />
            <Button type="submit" variant="primary" loading={connect.isPending} data-testid="bot-connect">
              Connect
            </Button>
          </div>
          {error && (
            <p
              className="mt-2 flex items-start gap-1.5 text-sm text-red-600 break-anywhere"
              role="alert"
              data-testid="connect-error"
            >
              <AlertIcon size={14} className="mt-0.5 shrink-0" />
              {error}
            </p>
          )}
          <SandboxBotCreator />
        </form>
      </div>
    </Card>
  );
}

/** When the local Telegram sandbox runs, a test bot can be made without BotFather. */
function SandboxBotCreator() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const status = useQuery(trpc.sandbox.status.queryOptions());
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.sandbox.createBot.mutationOptions({
      onSuccess: (bot) => {
        setOpen(false);
        setUsername("");
        setError(null);
        toast({ tone: "success", title: `@${bot.username} was created in the sandbox` });
        void queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  if (!status.data?.reachable) return null;
  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="mt-3 inline-flex items-center gap-1.5 text-xs font-medium text-zinc-500 hover:text-brand-700"
        data-testid="sandbox-create-open"
      >
        <SparklesIcon size={13} /> No token? Create a test bot in the local Telegram sandbox
      </button>
    );
  return (
    <div className="mt-3 rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200">
      <p className="text-xs text-zinc-600">
        A sandbox bot talks to the Sandbox chat only — nothing reaches real Telegram.
      </p>
      <div className="mt-2 flex gap-2">
        <Input
          data-testid="sandbox-bot-username"
          aria-label="Sandbox bot username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          placeholder="acme_support_bot"
          className="h-8 font-mono text-xs"
          maxLength={40}
          invalid={!!error}
        />
        <Button
          size="sm"
          onClick={() => create.mutate({ username: username.trim() })}
          loading={create.isPending}
          disabled={!username.trim()}
          data-testid="sandbox-create-bot"
        >
          Create bot
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error && <p className="mt-1.5 text-xs text-red-600 break-anywhere">{error}</p>}
    </div>
  );
}

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

function BotCard({ bot, flows, flowsLoading }: { bot: Bot; flows: FlowSummary[]; flowsLoading: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
  };
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
        invalidate();
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
    </Card>
  );
}

export function BotsPage() {
  const trpc = useTRPC();
  const bots = useQuery({ ...trpc.bots.list.queryOptions(), refetchInterval: 10_000 });
  const flows = useQuery(trpc.flows.list.queryOptions());

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
              <BotCard key={bot.id} bot={bot} flows={flows.data ?? []} flowsLoading={flows.isPending} />
            ))}
          </div>
        )}
      </div>
    </PageContainer>
  );
}
