"use client";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { SendIcon } from "@/components/ui/icons";

const MAX = 20_000;

/** The operator's message box: Enter sends, Shift+Enter is a new line. */
export function ReplyBox({
  onSend,
  sending,
}: {
  onSend: (text: string, onSent: () => void) => void;
  sending: boolean;
}) {
  const [text, setText] = useState("");
  const blank = !text.trim();

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (blank || sending) return;
    onSend(text, () => setText(""));
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  }

  return (
    <form onSubmit={submit} className="flex items-end gap-2" data-testid="reply-box">
      <Textarea
        aria-label="Your reply"
        data-testid="reply-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Write to the user… (Enter sends, Shift+Enter for a new line)"
        maxLength={MAX}
        rows={2}
        className="min-h-14 flex-1 resize-none"
      />
      <Button
        type="submit"
        variant="primary"
        loading={sending}
        disabled={blank}
        data-testid="reply-send"
        className="h-14"
      >
        {!sending && <SendIcon size={15} />} Send
      </Button>
    </form>
  );
}
