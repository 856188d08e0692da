"use client";

import { type FormEvent, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from "react";
import { ExternalIcon, KeyboardIcon, SendIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { clockTime } from "@/lib/format";
import type { EntityLike } from "./telegram-entities";
import { TelegramText } from "./telegram-text";

export interface InlineKey {
  label: string;
  /** Opens a link instead of pressing. */
  url?: string;
  /** Anything the caller needs to handle the press. */
  data?: string;
  /** Telegram's login_url button at this row and column: the caller opens the login (onInline). */
  login?: { row: number; column: number };
}

export interface ChatBubble {
  id: string;
  from: "bot" | "user" | "system";
  text: string;
  /** Telegram formatting of `text` (UTF-16 offsets), rendered as Telegram shows it. */
  entities?: readonly EntityLike[];
  time?: Date | number | string;
  inline?: InlineKey[][];
  /** Small print under the bubble (e.g. a Telegram message id). */
  meta?: string;
  /** For bot bubbles in the builder's test chat: the step that sent it (system ones: the step they are about). */
  stepId?: string | null;
  /** A file the message carries, as one line ("🖼 Photo · menu.jpg"); `text` is then its caption. */
  media?: string;
}

export interface ReplyKey {
  label: string;
  requestContact?: boolean;
}

interface ChatViewProps {
  messages: ChatBubble[];
  replyKeyboard?: ReplyKey[][] | null;
  onSend?: (text: string) => void;
  onInline?: (message: ChatBubble, key: InlineKey) => void;
  onReplyKey?: (key: ReplyKey) => void;
  onBubbleClick?: (message: ChatBubble) => void;
  testIdPrefix: string;
  placeholder?: string;
  disabled?: boolean;
  sending?: boolean;
  /** Shown when there are no messages. */
  empty?: ReactNode;
  /** Extra buttons left of the input (e.g. /start, share phone). */
  composerExtras?: ReactNode;
  className?: string;
  readOnly?: boolean;
}

/** A Telegram-like chat: bubbles, inline buttons under messages, reply keyboard above the input. */
export function ChatView({
  messages,
  replyKeyboard,
  onSend,
  onInline,
  onReplyKey,
  onBubbleClick,
  testIdPrefix,
  placeholder = "Message",
  disabled,
  sending,
  empty,
  composerExtras,
  className,
  readOnly,
}: ChatViewProps) {
  const [text, setText] = useState("");
  const [keyboardOpen, setKeyboardOpen] = useState(true);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  // Follow new messages unless the user scrolled up to read.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  });
  useEffect(() => {
    if (replyKeyboard) setKeyboardOpen(true);
  }, [replyKeyboard]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = text.trim();
    if (!value || disabled) return;
    onSend?.(value);
    setText("");
    stick.current = true;
  }

  return (
    <div className={cn("flex min-h-0 flex-col bg-[#dfe7ee]", className)}>
      <div
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
        className="scrollbar-thin min-h-0 flex-1 overflow-y-auto px-3 py-4"
        data-testid={`${testIdPrefix}-messages`}
        style={{
          backgroundImage: "radial-gradient(circle at 1px 1px, rgba(255,255,255,0.55) 1px, transparent 0)",
          backgroundSize: "18px 18px",
        }}
      >
        {messages.length === 0 && empty ? (
          <div className="flex h-full items-center justify-center">{empty}</div>
        ) : (
          <div className="flex flex-col gap-1.5">
            {messages.map((m) =>
              m.from === "system" ? (
                <div key={m.id} className="my-1 flex justify-center" data-testid={`${testIdPrefix}-notice`}>
                  <span className="max-w-[85%] rounded-2xl bg-black/20 px-3 py-1 text-center text-[11px] text-white break-anywhere">
                    {m.text}
                    {/* A notice about a step (where a test run stopped) can show it. */}
                    {m.stepId && onBubbleClick && (
                      <button
                        type="button"
                        onClick={() => onBubbleClick(m)}
                        className="ml-1.5 font-semibold underline underline-offset-2"
                        data-testid={`${testIdPrefix}-show-step`}
                      >
                        Show this step
                      </button>
                    )}
                  </span>
                </div>
              ) : (
                <div
                  key={m.id}
                  className={cn("flex flex-col", m.from === "user" ? "items-end" : "items-start")}
                >
                  <div
                    data-testid={`${testIdPrefix}-message`}
                    data-from={m.from}
                    onClick={onBubbleClick && m.from === "bot" ? () => onBubbleClick(m) : undefined}
                    title={
                      onBubbleClick && m.from === "bot" && m.stepId
                        ? "Show this step on the canvas"
                        : undefined
                    }
                    className={cn(
                      "relative max-w-[85%] min-w-16 rounded-2xl px-3 py-1.5 text-[13.5px] leading-snug shadow-sm",
                      m.from === "user"
                        ? "rounded-br-md bg-[#e1ffc7] text-zinc-900"
                        : "rounded-bl-md bg-white text-zinc-900",
                      onBubbleClick &&
                        m.from === "bot" &&
                        m.stepId &&
                        "cursor-pointer hover:ring-2 hover:ring-brand-300",
                    )}
                  >
                    {m.media && (
                      <p
                        className="mt-0.5 mb-1 truncate rounded-md bg-black/5 px-2 py-1 text-xs font-medium text-zinc-700"
                        data-testid={`${testIdPrefix}-media`}
                      >
                        {m.media}
                      </p>
                    )}
                    {(m.text || !m.media) && (
                      <div className="max-h-[28rem] overflow-y-auto whitespace-pre-wrap break-anywhere">
                        {m.text ? (
                          <TelegramText text={m.text} entities={m.entities} />
                        ) : (
                          <span className="text-zinc-400 italic">(empty message)</span>
                        )}
                      </div>
                    )}
                    {(m.time !== undefined || m.meta) && (
                      <div className="mt-0.5 flex justify-end gap-1.5 text-[10px] text-zinc-400">
                        {m.meta && <span>{m.meta}</span>}
                        {m.time !== undefined && <span>{clockTime(m.time)}</span>}
                      </div>
                    )}
                  </div>
                  {m.inline && m.inline.length > 0 && (
                    <div className="mt-1 flex w-full max-w-[min(85%,26rem)] flex-col gap-1">
                      {m.inline.map((row, r) => (
                        <div key={r} className="flex gap-1">
                          {row.map((key, k) =>
                            key.url ? (
                              <a
                                key={k}
                                href={key.url}
                                target="_blank"
                                rel="noopener noreferrer"
                                data-testid={`${testIdPrefix}-inline-button`}
                                className="flex min-w-0 flex-1 items-center justify-center gap-1 rounded-lg bg-black/25 px-2 py-1.5 text-center text-xs font-medium text-white backdrop-blur-sm hover:bg-black/35"
                              >
                                <span className="truncate">{key.label}</span>
                                <ExternalIcon size={10} className="shrink-0" />
                              </a>
                            ) : (
                              <button
                                key={k}
                                type="button"
                                disabled={readOnly || disabled || !onInline}
                                onClick={() => onInline?.(m, key)}
                                data-testid={`${testIdPrefix}-inline-button`}
                                title={key.login ? `${key.label} (opens the login in a new tab)` : key.label}
                                className="flex min-w-0 flex-1 items-center justify-center gap-1 rounded-lg bg-black/25 px-2 py-1.5 text-center text-xs font-medium text-white backdrop-blur-sm transition hover:bg-black/35 disabled:cursor-default disabled:hover:bg-black/25"
                              >
                                <span className="truncate">{key.label}</span>
                                {key.login && <ExternalIcon size={10} className="shrink-0" />}
                              </button>
                            ),
                          )}
                        </div>
                      ))}
                    </div>
                  )}
                </div>
              ),
            )}
            {sending && (
              <div className="flex justify-end">
                <Spinner className="size-3.5 text-zinc-500" />
              </div>
            )}
          </div>
        )}
      </div>

      {!readOnly && (
        <div className="border-t border-zinc-200 bg-white">
          {replyKeyboard && replyKeyboard.length > 0 && keyboardOpen && (
            <div
              className="scrollbar-thin max-h-44 space-y-1 overflow-y-auto bg-zinc-100 p-1.5"
              data-testid={`${testIdPrefix}-reply-keyboard`}
            >
              {replyKeyboard.map((row, r) => (
                <div key={r} className="flex gap-1">
                  {row.map((key, k) => (
                    <button
                      key={k}
                      type="button"
                      disabled={disabled}
                      onClick={() => {
                        stick.current = true;
                        onReplyKey?.(key);
                      }}
                      data-testid={`${testIdPrefix}-reply-button`}
                      data-request-contact={key.requestContact ? "true" : undefined}
                      title={key.requestContact ? `${key.label} — shares your phone number` : key.label}
                      className={cn(
                        "min-w-0 flex-1 truncate rounded-md px-2 py-2 text-xs font-medium shadow-sm ring-1",
                        key.requestContact
                          ? "bg-sky-50 text-sky-800 ring-sky-200 hover:bg-sky-100"
                          : "bg-white text-zinc-800 ring-zinc-200 hover:bg-zinc-50",
                      )}
                    >
                      {key.requestContact && !key.label.startsWith("📱") ? `📱 ${key.label}` : key.label}
                    </button>
                  ))}
                </div>
              ))}
            </div>
          )}
          <form onSubmit={submit} className="flex items-center gap-1.5 p-2">
            {composerExtras}
            <input
              data-testid={`${testIdPrefix}-input`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={placeholder}
              disabled={disabled}
              maxLength={4096}
              className="h-9 min-w-0 flex-1 rounded-full bg-zinc-100 px-4 text-sm placeholder:text-zinc-400 focus:bg-white focus:ring-2 focus:ring-brand-500 focus:outline-none disabled:opacity-60"
            />
            {replyKeyboard && replyKeyboard.length > 0 && (
              <button
                type="button"
                onClick={() => setKeyboardOpen((o) => !o)}
                className={cn(
                  "rounded-full p-2 hover:bg-zinc-100",
                  keyboardOpen ? "text-brand-600" : "text-zinc-400",
                )}
                title={keyboardOpen ? "Hide keyboard" : "Show keyboard"}
                aria-label="Toggle keyboard"
              >
                <KeyboardIcon size={18} />
              </button>
            )}
            <button
              type="submit"
              disabled={disabled || !text.trim()}
              data-testid={`${testIdPrefix}-send`}
              className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-600 text-white transition hover:bg-brand-700 disabled:bg-zinc-200 disabled:text-zinc-400"
              aria-label="Send"
            >
              <SendIcon size={16} />
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
