import { sliceFormatted, splitFormatted, TELEGRAM_TEXT_LIMIT } from "@switchboard/flow";
import {
  entitiesFrom,
  joinTopicTexts,
  plainTopicText,
  type TopicEntity,
  type TopicText,
  withPrefix,
} from "./topic-entities";

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
  /** The text's (or caption's) formatting as Telegram gave it: its `entities` / `caption_entities`. */
  entities?: readonly unknown[] | null | undefined;
}

/** "[photo] caption", "[voice]", or the text itself, its formatting kept; null when there is nothing to show. */
export function contentFormatted(c: CustomerContent): TopicText | null {
  const text = c.text?.trim() ? { text: c.text, entities: entitiesFrom(c.entities, c.text) } : null;
  if (!c.media) return text;
  return text ? withPrefix(`[${c.media}] `, text) : plainTopicText(`[${c.media}]`);
}

/** "[photo] caption", "[voice]", or the text itself; null when there is nothing to show. */
export const contentText = (c: CustomerContent): string | null => contentFormatted(c)?.text ?? null;

/** A customer's message in their topic: "Ann: Hello" (the message's formatting kept after the name). */
export const customerLine = (name: string, content: TopicText): TopicText => withPrefix(`${name}: `, content);

/** An operator's reply written in the web inbox: "Oscar (inbox): On its way". */
export const inboxReplyLine = (operatorName: string, content: TopicText): TopicText =>
  withPrefix(`${operatorName || "Operator"} (inbox): `, content);

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

/**
 * One outbox row's text: Telegram's limit per message, so any row can always be sent alone. Trailing
 * blanks go; an entity past a split point continues, clipped, in the next part.
 */
export function topicTextParts(line: TopicText): TopicText[] {
  const trimmed = sliceFormatted(line, 0, line.text.replace(/\s+$/, "").length);
  if (!trimmed.text.trim()) return [];
  return splitFormatted(trimmed, TELEGRAM_TEXT_LIMIT).filter((p) => p.text.trim());
}

/**
 * Pending lines of one topic put together into one message: the oldest line always, then each next
 * one while the whole stays within Telegram's 4,096 characters (UTF-16 code units), joined by new lines,
 * each line's entities moved to where it starts. Returns how many lines it took, oldest first; the rest
 * wait for the next message.
 */
export function coalesceLines(
  lines: readonly TopicText[],
  limit = TELEGRAM_TEXT_LIMIT,
): { count: number; text: string; entities: TopicEntity[] } {
  if (lines.length === 0) return { count: 0, text: "", entities: [] };
  let length = lines[0]!.text.length;
  let count = 1;
  while (count < lines.length && length + 1 + lines[count]!.text.length <= limit) {
    length += 1 + lines[count]!.text.length;
    count++;
  }
  return { count, ...joinTopicTexts(lines.slice(0, count)) };
}
