/*
 * The reply box's length hint: Telegram takes 4,096 characters a message (the server splits longer
 * texts), captions 1,024; the API refuses over 20,000.
 */

export const TELEGRAM_TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const MAX_REPLY = 20_000;
export const MAX_NOTE = 10_000;
/** From here on the counter shows. */
const SHOW_FROM = 3500;

export interface LengthHint {
  show: boolean;
  /** "4,200 / 4,096 · sent as 2 messages" */
  label: string;
  tone: "muted" | "warn" | "error";
}

const fmt = (n: number) => n.toLocaleString("en");

/** Telegram counts UTF-16 code units, as JavaScript's `length` does. */
export function lengthHint(text: string, mode: "reply" | "note", withFile = false): LengthHint {
  const length = text.trim().length;
  if (mode === "note") {
    if (length <= MAX_NOTE - 1000) return { show: false, label: "", tone: "muted" };
    return {
      show: true,
      label: `${fmt(length)} / ${fmt(MAX_NOTE)}`,
      tone: length > MAX_NOTE ? "error" : "warn",
    };
  }
  if (length > MAX_REPLY)
    return { show: true, label: `${fmt(length)} / ${fmt(MAX_REPLY)} · too long to send`, tone: "error" };
  const limit = withFile ? CAPTION_LIMIT : TELEGRAM_TEXT_LIMIT;
  if (length < (withFile ? CAPTION_LIMIT - 200 : SHOW_FROM)) return { show: false, label: "", tone: "muted" };
  const parts = messagesFor(length, withFile);
  const note = withFile
    ? parts > 1
      ? ` · caption + ${parts - 1} more message${parts > 2 ? "s" : ""}`
      : " · caption"
    : parts > 1
      ? ` · sent as ${parts} messages`
      : "";
  return { show: true, label: `${fmt(length)} / ${fmt(limit)}${note}`, tone: parts > 1 ? "warn" : "muted" };
}

/** How many Telegram messages a text becomes (roughly: the server splits at line and word breaks). */
export function messagesFor(length: number, withFile = false): number {
  if (length === 0) return withFile ? 1 : 0;
  if (!withFile) return Math.ceil(length / TELEGRAM_TEXT_LIMIT);
  const rest = Math.max(0, length - CAPTION_LIMIT);
  return 1 + Math.ceil(rest / TELEGRAM_TEXT_LIMIT);
}
