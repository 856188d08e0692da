"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorNotice } from "@/components/ui/card";
import {
  AlertIcon,
  ArrowLeftIcon,
  ChatIcon,
  CheckIcon,
  ExternalIcon,
  PhoneIcon,
} from "@/components/ui/icons";
import { PageLoading, Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { dateTime } from "@/lib/format";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { ConversationStatus } from "./status";

type Transcript = RouterOutputs["conversations"]["transcript"];
type Message = Transcript["messages"][number];

interface TgButton {
  text?: unknown;
  url?: unknown;
  callback_data?: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function markupOf(payload: unknown): Record<string, unknown> | null {
  if (!isObj(payload)) return null;
  const params = isObj(payload.params) ? payload.params : null;
  const markup = params?.reply_markup;
  if (typeof markup === "string") {
    try {
      const parsed: unknown = JSON.parse(markup);
      return isObj(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return isObj(markup) ? markup : null;
}

function buttonRows(markup: Record<string, unknown> | null, key: "inline_keyboard" | "keyboard"): string[][] {
  const rows = markup?.[key];
  if (!Array.isArray(rows)) return [];
  return rows
    .filter(Array.isArray)
    .map((row: unknown[]) =>
      row.map((b) => (typeof b === "string" ? b : isObj(b) && typeof b.text === "string" ? b.text : "?")),
    );
}

/** What the user did, when the inbound message has no text of its own (a button press). */
function describeInbound(m: Message): { text: string; kind: "text" | "press" | "contact" | "other" } {
  const update = isObj(m.payload) ? m.payload : {};
  const cq = isObj(update.callback_query) ? update.callback_query : null;
  if (cq) {
    const data = typeof cq.data === "string" ? cq.data : "";
    const msg = isObj(cq.message) ? cq.message : null;
    const rows =
      isObj(msg?.reply_markup) && Array.isArray(msg.reply_markup.inline_keyboard)
        ? msg.reply_markup.inline_keyboard
        : [];
    const label = (rows as unknown[])
      .flat()
      .find((b): b is TgButton => isObj(b) && b.callback_data === data)?.text;
    return { text: typeof label === "string" ? label : data || "a button", kind: "press" };
  }
  const message = isObj(update.message) ? update.message : null;
  if (message && isObj(message.contact)) return { text: m.text ?? "a phone number", kind: "contact" };
  if (m.text !== null && m.text !== undefined) return { text: m.text, kind: "text" };
  return { text: "(unsupported message)", kind: "other" };
}

function Bubble({ m }: { m: Message }) {
  const inbound = m.direction === "in";
  const info = inbound ? describeInbound(m) : { text: m.text ?? "", kind: "text" as const };
  const markup = inbound ? null : markupOf(m.payload);
  const inline = buttonRows(markup, "inline_keyboard");
  const reply = buttonRows(markup, "keyboard");

  return (
    <div
      className={cn("flex flex-col", inbound ? "items-start" : "items-end")}
      data-testid="transcript-message"
      data-direction={m.direction}
    >
      <div
        className={cn(
          "max-w-[75%] min-w-24 rounded-2xl px-3.5 py-2 text-sm shadow-sm ring-1",
          inbound ? "rounded-bl-md bg-white ring-zinc-200" : "rounded-br-md bg-brand-50 ring-brand-100",
          m.deliveryStatus === "failed" && "ring-red-300",
        )}
      >
        {info.kind === "press" ? (
          <p className="text-zinc-700 italic break-anywhere">
            Pressed <span className="font-medium not-italic text-zinc-900">“{info.text}”</span>
          </p>
        ) : info.kind === "contact" ? (
          <p className="inline-flex items-center gap-1.5 text-zinc-800">
            <PhoneIcon size={13} /> Shared phone {info.text}
          </p>
        ) : (
          <div className="max-h-[32rem] overflow-y-auto whitespace-pre-wrap text-zinc-900 break-anywhere">
            {info.text || <span className="text-zinc-400 italic">(empty)</span>}
          </div>
        )}
        {inline.length > 0 && (
          <div className="mt-2 space-y-1">
            {inline.map((row, r) => (
              <div key={r} className="flex gap-1">
                {row.map((label, k) => (
                  <span
                    key={k}
                    className="min-w-0 flex-1 truncate rounded-md bg-white/80 px-2 py-1 text-center text-xs text-brand-700 ring-1 ring-brand-200"
                  >
                    {label}
                  </span>
                ))}
              </div>
            ))}
          </div>
        )}
        {reply.length > 0 && (
          <p
            className="mt-2 truncate text-[11px] text-zinc-500"
            title={reply.map((r) => r.join(" | ")).join("\n")}
          >
            ⌨ Keyboard: {reply.flat().join(" · ")}
          </p>
        )}
        <div className="mt-1 flex items-center justify-end gap-2 text-[10px] text-zinc-400">
          {m.stepId && !inbound && <span className="font-mono">step {m.stepId}</span>}
          {m.telegramMessageId !== null && (
            <span data-testid="telegram-message-id">#{m.telegramMessageId}</span>
          )}
          <span title={new Date(m.createdAt).toISOString()}>{dateTime(m.createdAt)}</span>
          {!inbound &&
            (m.deliveryStatus === "sent" ? (
              <CheckIcon size={11} className="text-emerald-500" aria-label="Delivered" />
            ) : m.deliveryStatus === "pending" ? (
              <Spinner className="size-2.5" />
            ) : m.deliveryStatus === "failed" ? (
              <AlertIcon size={11} className="text-red-500" aria-label="Failed" />
            ) : null)}
        </div>
      </div>
      {m.deliveryStatus === "failed" && m.error && (
        <p className="mt-1 max-w-[75%] text-[11px] text-red-600 break-anywhere">Not delivered: {m.error}</p>
      )}
    </div>
  );
}

export function TranscriptPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.conversations.transcript.queryOptions({ id }), refetchInterval: 3000 });

  if (q.isPending) return <PageLoading label="Loading the transcript…" />;
  if (q.error)
    return (
      <div className="mx-auto max-w-xl p-10">
        <ErrorNotice
          title="Couldn't load this conversation"
          message={errorMessage(q.error)}
          action={
            <Link href="/conversations" className={buttonClass("secondary", "sm")}>
              Back
            </Link>
          }
        />
      </div>
    );

  const { conversation: c, messages } = q.data;
  const name = [c.contact.firstName, c.contact.lastName].filter(Boolean).join(" ") || `Chat ${c.chatId}`;
  const vars = Object.entries((c.variables ?? {}) as Record<string, unknown>);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <header className="flex shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-6 py-3">
        <Link
          href="/conversations"
          className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100"
          aria-label="Back to conversations"
        >
          <ArrowLeftIcon size={16} />
        </Link>
        <span className="flex size-9 items-center justify-center rounded-full bg-zinc-100 text-sm font-semibold text-zinc-600">
          {Array.from(name)[0]?.toUpperCase()}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <h1 className="truncate text-sm font-semibold text-zinc-900" data-testid="transcript-contact">
              {name}
            </h1>
            <ConversationStatus status={c.status} />
          </div>
          <p className="truncate text-xs text-zinc-500">
            {c.contact.username && <>@{c.contact.username} · </>}with @{c.botUsername} · read-only transcript
          </p>
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <div
          className="scrollbar-thin min-w-0 flex-1 overflow-y-auto bg-zinc-50 px-6 py-6"
          data-testid="transcript"
        >
          {messages.length === 0 ? (
            <EmptyState icon={<ChatIcon size={22} />} title="No messages yet" />
          ) : (
            <div className="mx-auto flex max-w-3xl flex-col gap-2.5">
              {messages.map((m) => (
                <Bubble key={m.id} m={m} />
              ))}
            </div>
          )}
        </div>
        <aside className="hidden w-72 shrink-0 overflow-y-auto border-l border-zinc-200 bg-white p-5 lg:block">
          <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Contact</h2>
          <dl className="mt-3 space-y-2.5 text-sm">
            <Detail label="Name" value={name} />
            <Detail label="Username" value={c.contact.username ? `@${c.contact.username}` : null} />
            <Detail label="Phone" value={c.contact.phone} />
            <Detail label="Telegram user id" value={String(c.contact.telegramUserId)} mono />
            <Detail label="Chat id" value={String(c.chatId)} mono />
          </dl>
          <h2 className="mt-6 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Conversation</h2>
          <dl className="mt-3 space-y-2.5 text-sm">
            <Detail label="Bot" value={`@${c.botUsername}`} />
            <Detail label="Current step" value={c.currentStepId} mono />
            <Detail label="Started" value={dateTime(c.createdAt)} />
            <Detail label="Last message" value={dateTime(c.lastMessageAt)} />
          </dl>
          <h2 className="mt-6 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
            Collected answers
          </h2>
          {vars.length === 0 ? (
            <p className="mt-2 text-xs text-zinc-400">Nothing collected yet.</p>
          ) : (
            <dl className="mt-3 space-y-2.5 text-sm">
              {vars.map(([k, v]) => (
                <Detail key={k} label={`vars.${k}`} value={String(v)} />
              ))}
            </dl>
          )}
          <a
            href={`https://t.me/${c.botUsername}`}
            target="_blank"
            rel="noopener noreferrer"
            className="mt-6 inline-flex items-center gap-1 text-xs text-zinc-500 hover:text-brand-700"
          >
            Open @{c.botUsername} in Telegram <ExternalIcon size={11} />
          </a>
        </aside>
      </div>
    </div>
  );
}

function Detail({ label, value, mono }: { label: string; value: string | null | undefined; mono?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={cn("mt-0.5 text-zinc-900 break-anywhere", mono && "font-mono text-xs")}>
        {value || "—"}
      </dd>
    </div>
  );
}
