import { splitText, TELEGRAM_TEXT_LIMIT } from "@switchboard/flow";

/*
 * What the operators' group reads: topic names, the lines mirrored into a customer's topic, the summary
 * that opens an operator conversation, and how pending lines are put together into one message. Pure.
 */

/** Telegram cuts a forum topic's name to 128 characters (code points); we cut it ourselves, at a word if we can. */
export const TOPIC_NAME_LIMIT = 128;

export interface TopicPerson {
  firstName: string;
  lastName?: string | null;
  username?: string | null;
  telegramUserId?: number | null;
}

/** "Ann Smith" (or "@ann", or "Customer 12345" when Telegram gave no name at all). */
export function personName(p: TopicPerson): string {
  const name = [p.firstName, p.lastName ?? ""]
    .map((s) => clean(s))
    .filter(Boolean)
    .join(" ");
  if (name) return name;
  if (p.username) return `@${p.username}`;
  return p.telegramUserId ? `Customer ${p.telegramUserId}` : "Customer";
}

/** Control characters and runs of blanks become one space (Telegram does the same to topic names). */
const clean = (s: string) =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    .replace(/[\u0000-\u001f\u007f\u2028-\u202e]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * A customer's topic: "Ann Smith (@ann)", at most 128 characters. A long name is cut (with "…") so the
 * username still fits; a username that does not fit goes.
 */
export function topicName(p: TopicPerson): string {
  const name = personName(p);
  const handle = p.username && !name.startsWith("@") ? ` (@${p.username})` : "";
  const whole = `${name}${handle}`;
  if ([...whole].length <= TOPIC_NAME_LIMIT) return whole;
  const room = TOPIC_NAME_LIMIT - [...handle].length;
  if (handle && room >= 16) return `${cutChars(name, room)}${handle}`;
  return cutChars(name, TOPIC_NAME_LIMIT);
}

/** At most `max` code points, ending in "…" when cut (a word boundary when one is near). */
export function cutChars(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  return `${(space > head.length * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** What a customer sent, as the runtime saw it: a text, or a file with its caption. */
export interface CustomerContent {
  text: string | null;
  /** "photo", "video", "document", "voice", "sticker", "contact"…; null for a plain text. */
  media: string | null;
}

/** "[photo] caption", "[voice]", or the text itself; null when there is nothing to show. */
export function contentText(c: CustomerContent): string | null {
  const text = c.text?.trim() ? c.text : null;
  if (!c.media) return text;
  return text ? `[${c.media}] ${text}` : `[${c.media}]`;
}

/** A customer's message in their topic: "Ann: Hello". */
export const customerLine = (name: string, content: string) => `${name}: ${content}`;

/** An operator's reply written in the web inbox: "Oscar (inbox): On its way". */
export const inboxReplyLine = (operatorName: string, content: string) =>
  `${operatorName || "Operator"} (inbox): ${content}`;

/** Something that happened to the conversation: "— Oscar took the conversation." */
export const eventLine = (text: string) => `— ${text}`;

export interface SummaryInput {
  customer: TopicPerson & { phone?: string | null };
  botUsername: string;
  /** The step the conversation waits at ("Talk to us" · route). */
  step: { id: string; title: string } | null;
  /** The customer's latest messages, oldest first. */
  recent: string[];
  /** True when the customer already had this topic (a later conversation). */
  again: boolean;
}

/** How many of the customer's latest messages the summary shows, and how much of each. */
export const SUMMARY_RECENT = 10;
const SUMMARY_LINE_LIMIT = 300;

/** The message that opens an operator conversation in the customer's topic: who, where from, what they said. */
export function summaryText(s: SummaryInput): string {
  const name = personName(s.customer);
  const lines = [
    `${s.again ? "🔁" : "🆕"} ${name} ${s.again ? "is back and waits" : "waits"} for an operator`,
    s.customer.username ? `Username: @${s.customer.username}` : null,
    s.customer.phone ? `Phone: ${s.customer.phone}` : null,
    s.customer.telegramUserId ? `Telegram id: ${s.customer.telegramUserId}` : null,
    `Bot: @${s.botUsername}`,
    s.step ? `Step: ${s.step.title ? `${s.step.title} (${s.step.id})` : s.step.id}` : null,
  ].filter((l): l is string => l !== null);
  const recent = s.recent
    .slice(-SUMMARY_RECENT)
    .map((t) => `› ${cutChars(t.replace(/\s+/g, " "), SUMMARY_LINE_LIMIT)}`);
  if (recent.length) lines.push("", "Recent messages:", ...recent);
  lines.push("", "Reply here to answer them; /close ends the conversation.");
  return lines.join("\n");
}

/** One outbox row's text: Telegram's limit per message, so any row can always be sent alone. */
export function topicTextParts(text: string): string[] {
  const trimmed = text.replace(/\s+$/, "");
  if (!trimmed.trim()) return [];
  return splitText(trimmed, TELEGRAM_TEXT_LIMIT).filter((p) => p.trim());
}

/**
 * Pending lines of one topic put together into one message: the oldest line always, then each next
 * one while the whole stays within Telegram's 4,096 characters (UTF-16 code units), joined by new lines.
 * Returns how many lines it took, oldest first; the rest wait for the next message.
 */
export function coalesceLines(
  lines: readonly string[],
  limit = TELEGRAM_TEXT_LIMIT,
): { count: number; text: string } {
  if (lines.length === 0) return { count: 0, text: "" };
  let text = lines[0]!;
  let count = 1;
  while (count < lines.length && text.length + 1 + lines[count]!.length <= limit) {
    text = `${text}\n${lines[count]!}`;
    count++;
  }
  return { count, text };
}
