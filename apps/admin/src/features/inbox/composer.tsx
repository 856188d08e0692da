"use client";

import { type KeyboardEvent, type RefObject, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { LockIcon, NoteIcon, SendIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { AttachmentPicker } from "./attachment-picker";
import { CannedPopup } from "./canned-popup";
import type { Ability } from "./permissions";
import { lengthHint, MAX_NOTE, MAX_REPLY } from "./reply-format";
import { useCannedSuggestions } from "./use-canned-suggestions";
import { type ComposeMode, useReply } from "./use-reply";

function ModeTab({
  active,
  disabled,
  title,
  onClick,
  children,
  testId,
}: {
  active: boolean;
  disabled?: boolean;
  title?: string;
  onClick: () => void;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      title={title}
      aria-pressed={active}
      data-testid={testId}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50",
        active
          ? "bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200"
          : "text-zinc-500 hover:text-zinc-800",
      )}
    >
      {children}
    </button>
  );
}

/**
 * The reply box: Enter sends, Shift+Enter is a new line, `:` + a shortcut inserts a canned reply, the
 * paperclip attaches a photo or file; "Note" writes a private note instead (amber: not sent).
 */
export function Composer({
  conversationId,
  mode,
  onMode,
  reply,
  inputRef,
}: {
  conversationId: string;
  mode: ComposeMode;
  onMode: (mode: ComposeMode) => void;
  /** May the viewer reply (else only notes)? */
  reply: Ability;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const state = useReply(conversationId, mode);
  const [caret, setCaret] = useState(0);
  const canned = useCannedSuggestions({
    text: state.text,
    caret,
    enabled: mode === "reply",
    onInsert: (text, at) => {
      state.setText(text);
      setCaret(at);
      requestAnimationFrame(() => inputRef.current?.setSelectionRange(at, at));
    },
  });
  const note = mode === "note";
  const hint = lengthHint(state.text, mode, !!state.file);
  const trackCaret = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (canned.onKeyDown(e)) return e.preventDefault();
    if (e.key === "Escape") return e.currentTarget.blur();
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void state.send();
    }
  }

  return (
    <div
      className={cn(
        "shrink-0 border-t px-4 pt-2 pb-3",
        note ? "border-amber-200 bg-amber-50/60" : "border-zinc-200 bg-white",
      )}
      data-testid="reply-box"
      data-mode={mode}
    >
      <div className="mb-2 flex items-center gap-2">
        <div className="inline-flex rounded-lg bg-zinc-100 p-0.5">
          <ModeTab
            active={!note}
            disabled={!reply.enabled}
            title={reply.reason ?? "Write to the user (r)"}
            onClick={() => onMode("reply")}
            testId="reply-mode-reply"
          >
            <SendIcon size={12} /> Reply
          </ModeTab>
          <ModeTab
            active={note}
            onClick={() => onMode("note")}
            title="A private note (n)"
            testId="reply-mode-note"
          >
            <NoteIcon size={12} /> Note
          </ModeTab>
        </div>
        <p className="min-w-0 flex-1 truncate text-xs text-zinc-500" data-testid="reply-hint">
          {note ? (
            <span className="inline-flex items-center gap-1 text-amber-800">
              <LockIcon size={11} /> Only your team sees notes.
              {!reply.enabled && reply.reason && <span className="text-zinc-500"> {reply.reason}</span>}
            </span>
          ) : (
            "Enter sends · Shift+Enter new line · type : for canned replies"
          )}
        </p>
        {hint.show && (
          <span
            className={cn(
              "shrink-0 text-[11px] tabular-nums",
              hint.tone === "error"
                ? "text-red-600"
                : hint.tone === "warn"
                  ? "text-amber-700"
                  : "text-zinc-500",
            )}
            data-testid="reply-counter"
          >
            {hint.label}
          </span>
        )}
      </div>
      <div className="relative">
        <CannedPopup canned={canned} />
        <Textarea
          ref={inputRef}
          aria-label={note ? "Private note" : "Your reply"}
          data-testid="reply-input"
          value={state.text}
          onChange={(e) => {
            state.setText(e.target.value);
            trackCaret(e.target);
          }}
          onSelect={(e) => trackCaret(e.currentTarget)}
          onKeyDown={onKeyDown}
          placeholder={note ? "Write a private note for your team…" : "Write to the user…"}
          maxLength={note ? MAX_NOTE : MAX_REPLY + 1000}
          rows={3}
          className={cn("min-h-20 resize-none", note && "bg-amber-50/40 ring-amber-300 focus:ring-amber-500")}
        />
      </div>
      {state.error && (
        <p className="mt-1.5 text-xs text-red-600 break-anywhere" role="alert" data-testid="reply-error">
          {state.error}
        </p>
      )}
      <div className="mt-2 flex items-center gap-2">
        {!note && (
          <AttachmentPicker
            file={state.file}
            asDocument={state.asDocument}
            disabled={state.sending}
            onFile={state.attach}
            onAsDocument={state.setAsDocument}
          />
        )}
        <span className="flex-1" />
        <Button
          variant="primary"
          size="sm"
          onClick={() => void state.send()}
          loading={state.sending}
          disabled={!state.text.trim() && !state.file}
          data-testid="reply-send"
          className={cn(note && "bg-amber-600 hover:bg-amber-700 disabled:bg-amber-300")}
        >
          {state.uploading ? "Uploading…" : note ? "Add note" : "Send"}
        </Button>
      </div>
    </div>
  );
}
