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
  chat: { id: number; type: string };
  text?: string;
  caption?: string;
  contact?: { phone_number: string; user_id?: number };
}
export interface TelegramUpdate {
  update_id: number;
  message?: TelegramMessage;
  edited_message?: TelegramMessage;
  callback_query?: { id: string; from: TelegramUser; data?: string; message?: TelegramMessage };
  my_chat_member?: {
    chat: { id: number };
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
    const status = u.my_chat_member.new_chat_member.status;
    return { kind: "membership", chatId, from: u.my_chat_member.from, blocked: status === "kicked" };
  }
  if (u.callback_query && chatId !== null) {
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
  if (m.chat.type !== "private")
    return { kind: "ignored", chatId, reason: "group chats are not handled yet" };
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
