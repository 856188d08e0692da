"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { ChatView, type InlineKey } from "@/components/chat/chat-view";
import { PageContainer } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { BotIcon, ChatIcon, PhoneIcon, PlayIcon } from "@/components/ui/icons";
import { PageLoading } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { type RouterInputs, useTRPC } from "@/lib/trpc";
import { currentReplyKeyboard, toBubble } from "./sandbox-messages";
import { SandboxSidebar } from "./sandbox-sidebar";
import { useSandboxUser } from "./use-sandbox-user";

type Action = RouterInputs["sandbox"]["send"]["action"];

const BOT_KEY = "switchboard.sandbox.botId";

export function SandboxPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const sandboxUser = useSandboxUser();
  const { user, sharedPhone } = sandboxUser;
  const status = useQuery({ ...trpc.sandbox.status.queryOptions(), refetchInterval: 5000 });
  const bots = useQuery(trpc.bots.list.queryOptions());
  const [botId, setBotId] = useState<string>("");

  useEffect(() => {
    if (!bots.data?.length) return;
    if (botId && bots.data.some((b) => b.id === botId)) return;
    const stored = localStorage.getItem(BOT_KEY);
    setBotId(bots.data.find((b) => b.id === stored)?.id ?? bots.data[0]!.id);
  }, [bots.data, botId]);

  const bot = bots.data?.find((b) => b.id === botId);
  const reachable = status.data?.reachable === true;
  const messagesInput = { botId, chatId: user.id };
  const messages = useQuery({
    ...trpc.sandbox.messages.queryOptions(messagesInput),
    enabled: reachable && !!botId,
    refetchInterval: 700,
    refetchIntervalInBackground: false,
    retry: false,
  });

  const send = useMutation(
    trpc.sandbox.send.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.sandbox.messages.queryKey(messagesInput) }),
      onError: (e) => toast({ tone: "error", title: "The message wasn't sent", message: errorMessage(e) }),
    }),
  );
  const act = (action: Action) => bot && send.mutate({ botId: bot.id, user, action });
  const login = useMutation(trpc.sandbox.send.mutationOptions());

  /** A login_url button opens the signed login link in a new tab (opened at once, so no popup blocker). */
  function onInline(messageId: number, key: InlineKey) {
    if (!bot) return;
    if (key.data !== undefined) return act({ type: "press", messageId, callbackData: key.data });
    if (!key.login) return;
    const tab = window.open("", "_blank");
    login.mutate(
      { botId: bot.id, user, action: { type: "login", messageId, ...key.login } },
      {
        onSuccess: (answer) => {
          if (!("url" in answer)) return tab?.close();
          if (tab) tab.location.href = answer.url;
          else window.open(answer.url, "_blank");
        },
        onError: (e) => {
          tab?.close();
          toast({ tone: "error", title: "The login button didn't work", message: errorMessage(e) });
        },
      },
    );
  }

  const list = messages.data ?? [];
  const bubbles = useMemo(() => list.map(toBubble), [list]);
  const replyKeyboard = useMemo(() => currentReplyKeyboard(list), [list]);

  if (bots.isPending || status.isPending) return <PageLoading />;

  return (
    <PageContainer className="flex h-full max-w-6xl flex-col">
      <PageHeader
        title="Sandbox chat"
        description="Talk to your published bots as a Telegram user would — through the local Telegram sandbox and the real runtime."
      />
      {!reachable && (
        <ErrorNotice
          className="mb-5"
          title={
            status.data?.url ? "The Telegram sandbox isn't reachable" : "No Telegram sandbox is configured"
          }
          message={
            status.data?.url
              ? `Nothing answers at ${status.data.url}. Start the whole stack with "pnpm up" (or start the sandbox), then this page reconnects by itself.`
              : 'Set SANDBOX_URL for the admin server ("pnpm up" does this for you) to chat with bots locally.'
          }
          action={
            <Button size="sm" onClick={() => status.refetch()} loading={status.isFetching}>
              Retry
            </Button>
          }
        />
      )}
      {bots.error ? (
        <ErrorNotice title="Couldn't load your bots" message={errorMessage(bots.error)} />
      ) : bots.data?.length === 0 ? (
        <EmptyState
          icon={<BotIcon size={22} />}
          title="Connect a bot first"
          description="The sandbox chat talks to one of your connected bots. Connect one (or create a sandbox test bot) on the Bots page."
          action={
            <Link href="/bots" className={buttonClass("primary")}>
              Go to Bots
            </Link>
          }
        />
      ) : (
        <div className="flex min-h-0 flex-1 gap-6">
          <SandboxSidebar
            bots={bots.data ?? []}
            bot={bot}
            onBot={(id) => {
              setBotId(id);
              localStorage.setItem(BOT_KEY, id);
            }}
            sandboxUser={sandboxUser}
          />

          <Card className="flex min-h-[480px] min-w-0 flex-1 flex-col overflow-hidden">
            <div className="flex items-center gap-3 border-b border-zinc-100 px-4 py-3">
              <span className="flex size-9 items-center justify-center rounded-full bg-gradient-to-br from-sky-400 to-brand-600 text-sm font-semibold text-white">
                {Array.from(bot?.firstName ?? "B")[0]?.toUpperCase()}
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-semibold text-zinc-900">{bot?.firstName ?? "Bot"}</p>
                <p className="text-xs text-zinc-500">@{bot?.username ?? "…"} · bot</p>
              </div>
              {reachable ? (
                <Badge tone="green" dot>
                  Sandbox connected
                </Badge>
              ) : (
                <Badge tone="red" dot>
                  Sandbox offline
                </Badge>
              )}
            </div>
            {messages.error && reachable && (
              <div className="border-b border-red-100 bg-red-50 px-4 py-2 text-xs text-red-700 break-anywhere">
                {errorMessage(messages.error)}
              </div>
            )}
            <ChatView
              className="min-h-0 flex-1"
              testIdPrefix="sandbox"
              messages={bubbles}
              replyKeyboard={replyKeyboard}
              disabled={!reachable || !bot}
              sending={send.isPending}
              onSend={(text) => act({ type: "text", text })}
              onInline={(m, key) => onInline(Number(m.id), key)}
              onReplyKey={(key) =>
                key.requestContact
                  ? act({ type: "contact_button", phone: sharedPhone })
                  : act({ type: "text", text: key.label })
              }
              placeholder={reachable ? "Write a message…" : "The sandbox is offline"}
              empty={
                <div className="max-w-xs rounded-2xl bg-white/80 p-5 text-center shadow-sm">
                  <ChatIcon size={22} className="mx-auto text-brand-500" />
                  <p className="mt-2 text-sm font-medium text-zinc-900">Say hello to @{bot?.username}</p>
                  <p className="mt-1 text-xs text-zinc-500">Press Start, like a new Telegram user would.</p>
                  <Button
                    className="mt-3"
                    size="sm"
                    variant="primary"
                    disabled={!reachable || !bot}
                    onClick={() => act({ type: "start" })}
                    data-testid="sandbox-start-empty"
                  >
                    <PlayIcon size={11} /> Start
                  </Button>
                </div>
              }
              composerExtras={
                <>
                  <button
                    type="button"
                    disabled={!reachable || !bot}
                    onClick={() => act({ type: "start" })}
                    data-testid="sandbox-start"
                    className="h-9 shrink-0 rounded-full bg-zinc-100 px-3 font-mono text-xs font-medium text-zinc-700 hover:bg-zinc-200 disabled:opacity-50"
                    title="Send /start"
                  >
                    /start
                  </button>
                  <button
                    type="button"
                    disabled={!reachable || !bot}
                    onClick={() => act({ type: "contact", phone: sharedPhone })}
                    data-testid="sandbox-share-phone"
                    className="flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-zinc-600 hover:bg-zinc-200 disabled:opacity-50"
                    title={`Share your phone number (${sharedPhone}) without a button`}
                    aria-label="Share phone number"
                  >
                    <PhoneIcon size={15} />
                  </button>
                </>
              }
            />
          </Card>
        </div>
      )}
    </PageContainer>
  );
}
