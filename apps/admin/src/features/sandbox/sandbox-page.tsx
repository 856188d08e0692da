"use client";

import type { SandboxMessage } from "@switchboard/telegram-sandbox/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { type ChatBubble, ChatView, type InlineKey, type ReplyKey } from "@/components/chat/chat-view";
import { PageContainer } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, EmptyState, ErrorNotice, PageHeader } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Field, Select } from "@/components/ui/field";
import { AlertIcon, BotIcon, ChatIcon, PhoneIcon, PlayIcon, RefreshIcon } from "@/components/ui/icons";
import { PageLoading } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { type RouterInputs, useTRPC } from "@/lib/trpc";

type Action = RouterInputs["sandbox"]["send"]["action"];

const DEFAULT_USER_ID = 100001;
const USER_KEY = "switchboard.sandbox.userId";
const BOT_KEY = "switchboard.sandbox.botId";
const DEMO_PHONE = "+15550100001";

function useSandboxUser() {
  const [id, setId] = useState(DEFAULT_USER_ID);
  useEffect(() => {
    const stored = Number(localStorage.getItem(USER_KEY));
    if (Number.isInteger(stored) && stored > 0) setId(stored);
  }, []);
  const user = useMemo(
    () => ({
      id,
      first_name: "Sandbox User",
      username: id === DEFAULT_USER_ID ? "sandbox_user" : `sandbox_${id}`,
    }),
    [id],
  );
  const newUser = () => {
    const next = 100_002 + Math.floor(Math.random() * 899_000);
    localStorage.setItem(USER_KEY, String(next));
    setId(next);
  };
  return { user, newUser };
}

function messageText(m: SandboxMessage): string {
  if (m.text !== undefined) return m.text;
  if (m.caption !== undefined) return m.caption;
  if (m.contact) return `📱 ${m.contact.phone_number}`;
  if (m.photo) return "🖼 Photo";
  if (m.document) return `📎 ${m.document.file_name ?? "File"}`;
  return "";
}

function toBubble(m: SandboxMessage): ChatBubble {
  const markup = m.reply_markup;
  const inline: InlineKey[][] | undefined =
    markup && "inline_keyboard" in markup
      ? markup.inline_keyboard.map((row) =>
          row.map((b) => ({
            label: b.text,
            ...(b.url ? { url: b.url } : {}),
            ...(b.callback_data !== undefined ? { data: b.callback_data } : {}),
          })),
        )
      : undefined;
  return {
    id: String(m.message_id),
    from: m.from_bot ? "bot" : "user",
    text: messageText(m),
    time: m.date * 1000,
    meta: `#${m.message_id}${m.edited ? " · edited" : ""}`,
    ...(inline ? { inline } : {}),
  };
}

/** The reply keyboard on the user's screen: the last one a bot message set, unless removed or used up. */
function currentReplyKeyboard(messages: SandboxMessage[]): ReplyKey[][] | null {
  let userSpokeAfter = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (!m.from_bot) {
      userSpokeAfter = true;
      continue;
    }
    const markup = m.reply_markup;
    if (!markup) continue;
    if ("remove_keyboard" in markup) return null;
    if ("keyboard" in markup) {
      if (markup.one_time_keyboard && userSpokeAfter) return null;
      return markup.keyboard.map((row) =>
        row.map((b) =>
          typeof b === "string"
            ? { label: b }
            : { label: b.text, ...(b.request_contact ? { requestContact: true } : {}) },
        ),
      );
    }
  }
  return null;
}

export function SandboxPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const { user, newUser } = useSandboxUser();
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
          <Card className="h-fit w-72 shrink-0 space-y-5 p-5">
            <Field label="Bot" htmlFor="sandbox-bot">
              <Select
                id="sandbox-bot"
                data-testid="sandbox-bot"
                value={botId}
                onChange={(e) => {
                  setBotId(e.target.value);
                  localStorage.setItem(BOT_KEY, e.target.value);
                }}
              >
                {(bots.data ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    @{b.username}
                    {b.status === "disabled" ? " (disabled)" : ""}
                  </option>
                ))}
              </Select>
            </Field>
            {bot && !bot.entryFlowId && (
              <p className="flex gap-2 rounded-lg bg-amber-50 p-2.5 text-xs text-amber-800 ring-1 ring-amber-200">
                <AlertIcon size={13} className="mt-0.5 shrink-0" />
                <span>
                  @{bot.username} has no flow yet, so it won't answer.{" "}
                  <Link href="/bots" className="font-medium underline">
                    Choose one
                  </Link>
                </span>
              </p>
            )}
            {bot?.status === "disabled" && (
              <p className="flex gap-2 rounded-lg bg-zinc-100 p-2.5 text-xs text-zinc-700">
                <AlertIcon size={13} className="mt-0.5 shrink-0" /> This bot is disabled and won't answer.
              </p>
            )}
            <div className="space-y-1.5">
              <span className="block text-xs font-medium text-zinc-700">You are</span>
              <div className="flex items-center gap-2.5 rounded-lg bg-zinc-50 p-2.5 ring-1 ring-zinc-200">
                <span className="flex size-8 items-center justify-center rounded-full bg-emerald-500 text-xs font-semibold text-white">
                  SU
                </span>
                <div className="min-w-0">
                  <p className="text-sm font-medium text-zinc-900">{user.first_name}</p>
                  <p className="truncate font-mono text-[11px] text-zinc-500" data-testid="sandbox-user-id">
                    id {user.id}
                  </p>
                </div>
              </div>
              <button
                type="button"
                onClick={newUser}
                className="inline-flex items-center gap-1 text-xs text-zinc-500 hover:text-brand-700"
                title="Chat as a brand-new Telegram user"
              >
                <RefreshIcon size={11} /> Start over as a new user
              </button>
            </div>
            <div className="space-y-1.5 border-t border-zinc-100 pt-4 text-xs text-zinc-500">
              <p className="font-medium text-zinc-700">How it works</p>
              <p>
                Messages go to the sandbox, which hands them to the runtime exactly like Telegram would.
                Replies appear within a second.
              </p>
              <p>
                Every chat also shows up in{" "}
                <Link href="/conversations" className="font-medium text-brand-600 hover:underline">
                  Conversations
                </Link>
                .
              </p>
            </div>
          </Card>

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
              onInline={(m, key) =>
                key.data !== undefined &&
                act({ type: "press", messageId: Number(m.id), callbackData: key.data })
              }
              onReplyKey={(key) =>
                key.requestContact
                  ? act({ type: "contact", phone: DEMO_PHONE })
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
                    onClick={() => act({ type: "contact", phone: DEMO_PHONE })}
                    data-testid="sandbox-share-phone"
                    className="flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-zinc-600 hover:bg-zinc-200 disabled:opacity-50"
                    title={`Share phone number (${DEMO_PHONE})`}
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
