import type { InboundMedia } from "@switchboard/core";
import type { InboundEvent } from "@switchboard/flow";
import { mediaOf, type TelegramMediaFields } from "./media";

/** The parts of a Telegram Update the runtime reads. */
export interface TelegramUser {
  id: number;
  is_bot?: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}
export interface TelegramMessage extends TelegramMediaFields {
  message_id: number;
  from?: TelegramUser;
  chat: { id: number; type: string; is_forum?: boolean; title?: string };
  /** A forum topic's id (its creation message's id), on messages in a topic. */
  message_thread_id?: number;
  is_topic_message?: boolean;
  text?: string;
  caption?: string;
  /** The text's / caption's formatting (UTF-16 offsets), carried into the operators' topic copy. */
  entities?: unknown[];
  caption_entities?: unknown[];
  contact?: { phone_number: string; user_id?: number };
  // Kinds the runtime keeps no file for, named for the operators' group (mediaKindOf); the kept
  // kinds (photo, document, video, animation, audio, voice) come typed from TelegramMediaFields.
  video_note?: unknown;
  sticker?: { emoji?: string };
  location?: unknown;
  venue?: unknown;
  poll?: unknown;
  dice?: unknown;
  // Service messages (a group's): never an answer.
  new_chat_members?: unknown[];
  left_chat_member?: unknown;
  forum_topic_created?: unknown;
  forum_topic_edited?: unknown;
  forum_topic_closed?: unknown;
  forum_topic_reopened?: unknown;
  pinned_message?: unknown;
}
export interface TelegramUpdate {
  update_id: number;
  message?: TelegramMessage;
  edited_message?: TelegramMessage;
  callback_query?: { id: string; from: TelegramUser; data?: string; message?: TelegramMessage };
  my_chat_member?: {
    chat: { id: number; type?: string };
    from: TelegramUser;
    new_chat_member: { status: string };
  };
}

export type MappedUpdate =
  | {
      kind: "event";
      chatId: number;
      from: TelegramUser;
      /** null: nothing for the flow (a file without a caption; it is still stored). */
      event: InboundEvent | null;
      /** What the transcript shows for the user's side. */
      text: string | null;
      telegramMessageId: number | null;
      /** The file the message carries (telegram/media.ts), downloaded after the commit. */
      media?: InboundMedia | null;
    }
  | { kind: "membership"; chatId: number; from: TelegramUser; blocked: boolean }
  /** A message in a group or supergroup: the operators' group, if it is this bot's (core forum/). */
  | { kind: "group"; chatId: number; message: TelegramMessage }
  | { kind: "ignored"; chatId: number | null; reason: string };

/** The chat an update belongs to, for ordering and locking; null for updates outside any chat. */
export function chatIdOf(u: TelegramUpdate): number | null {
  return (
    u.message?.chat.id ??
    u.edited_message?.chat.id ??
    u.callback_query?.message?.chat.id ??
    u.callback_query?.from.id ??
    u.my_chat_member?.chat.id ??
    null
  );
}

/** Translates a Telegram update into the engine's vocabulary. */
export function mapUpdate(u: TelegramUpdate): MappedUpdate {
  const chatId = chatIdOf(u);
  if (u.my_chat_member && chatId !== null) {
    // The bot added to or removed from a group is no user blocking it.
    if (u.my_chat_member.chat.type && u.my_chat_member.chat.type !== "private")
      return { kind: "ignored", chatId, reason: "the bot's membership in a group" };
    const status = u.my_chat_member.new_chat_member.status;
    return { kind: "membership", chatId, from: u.my_chat_member.from, blocked: status === "kicked" };
  }
  if (u.callback_query && chatId !== null) {
    const where = u.callback_query.message?.chat.type;
    if (where && where !== "private") return { kind: "ignored", chatId, reason: "a button in a group" };
    return {
      kind: "event",
      chatId,
      from: u.callback_query.from,
      event: { type: "callback", data: u.callback_query.data ?? "", callbackQueryId: u.callback_query.id },
      text: null,
      telegramMessageId: null,
    };
  }
  const m = u.message;
  if (!m || chatId === null) return { kind: "ignored", chatId, reason: "unsupported update type" };
  if (m.chat.type === "supergroup" || m.chat.type === "group") return { kind: "group", chatId, message: m };
  if (m.chat.type !== "private") return { kind: "ignored", chatId, reason: "not a private chat" };
  if (!m.from) return { kind: "ignored", chatId, reason: "message without sender" };
  const base = { kind: "event" as const, chatId, from: m.from, telegramMessageId: m.message_id };
  if (m.contact)
    return {
      ...base,
      // Only the share-my-number button sends the user's own card (user_id = sender); a forwarded or
      // attached card is somebody else's number.
      event: { type: "contact", phone: m.contact.phone_number, own: m.contact.user_id === m.from.id },
      text: m.contact.phone_number,
    };
  const text = m.text ?? m.caption;
  const media = mediaOf(m);
  if (text === undefined && !media)
    return { kind: "ignored", chatId, reason: "message without text or file" };
  // "/start [payload]" is recognised by the engine, like every other command and alias. A caption is
  // the flow's text; a file without one reaches the transcript only.
  return { ...base, event: text === undefined ? null : { type: "text", text }, text: text ?? null, media };
}

/** Kinds the runtime keeps no file for (the kept ones are telegram/media.ts's), named for the operators' group. */
const OTHER_KINDS = ["video_note", "sticker", "location", "venue", "poll", "dice"] as const;

/** What a message carries besides text, as the operators' group shows it ("photo", "contact"…); null for text. */
export function mediaKindOf(m: TelegramMessage): string | null {
  if (m.contact) return "contact";
  const kept = mediaOf(m)?.kind;
  if (kept) return kept;
  for (const kind of OTHER_KINDS)
    if (m[kind] !== undefined) return kind === "video_note" ? "video message" : kind;
  return null;
}

/**
 * A message's text for the operators' group: its text or caption (with its formatting), a shared
 * contact's number, a sticker's emoji.
 */
export function contentOf(m: TelegramMessage): {
  text: string | null;
  media: string | null;
  entities: readonly unknown[] | null;
} {
  const media = mediaKindOf(m);
  const text = m.text ?? m.caption ?? m.contact?.phone_number ?? m.sticker?.emoji ?? null;
  const entities = m.text !== undefined ? m.entities : m.caption !== undefined ? m.caption_entities : null;
  return { text, media, entities: entities ?? null };
}

/** Service messages (members joining, topics created or closed, pins): nobody wrote them. */
export function isServiceMessage(m: TelegramMessage): boolean {
  return (
    m.new_chat_members !== undefined ||
    m.left_chat_member !== undefined ||
    m.forum_topic_created !== undefined ||
    m.forum_topic_edited !== undefined ||
    m.forum_topic_closed !== undefined ||
    m.forum_topic_reopened !== undefined ||
    m.pinned_message !== undefined
  );
}
