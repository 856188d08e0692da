// reply_markup validation with Telegram's error descriptions. Invalid keyboards are one of the
// most common causes of 400s from the real API, so the sandbox rejects them the same way and in
// the same order: the Bot API server parses the JSON, TDLib checks links and chat rules, then the
// Telegram server checks callback data and login domains.

import { badRequest } from "../errors";
import type { Params } from "../http/params";
import type { InlineKeyboardMarkup, KeyboardButton, ReplyMarkup, TgChat } from "../types";
import { checkInlineButton, checkInlineButtonOnServer, parseInlineButton } from "./inline-buttons";
import { isObject } from "./json-fields";
import { checkKeyboardButton, parseKeyboardButton } from "./keyboard-buttons";

const CANT_PARSE = "can't parse reply keyboard markup JSON object";

export interface MarkupTarget {
  /** Request buttons (contact, location...) are only allowed in private chats. */
  chatType: TgChat["type"];
  /** The domain linked with /setdomain to the bot a login button names (undefined = the sender); null = none. */
  linkedDomain(botUsername: string | undefined): string | null;
}

/** Parses and validates reply_markup. `inlineOnly` for edit methods, which accept only inline keyboards. */
export function parseReplyMarkup(
  params: Params,
  target: MarkupTarget,
  options: { inlineOnly?: boolean } = {},
): ReplyMarkup | undefined {
  const raw = params.json("reply_markup", CANT_PARSE);
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw badRequest("object expected as reply markup");
  if ("inline_keyboard" in raw) return validateInline(raw, target);
  if (options.inlineOnly) throw badRequest("inline keyboard expected");
  if ("keyboard" in raw) {
    const rows = raw.keyboard;
    if (!Array.isArray(rows)) throw badRequest('field "keyboard" must be of type Array');
    if (!isRows(rows)) throw badRequest('field "keyboard" must be an Array of Arrays');
    // Every button is parsed before any is checked, as the Bot API parses before TDLib checks.
    const parsed = rows.flat().map((button) => ({ button, type: parseKeyboardButton(button) }));
    for (const { button, type } of parsed) checkKeyboardButton(button, type, target.chatType);
    return raw as unknown as ReplyMarkup;
  }
  if (raw.remove_keyboard === true) return raw as unknown as ReplyMarkup;
  if (raw.force_reply === true) return raw as unknown as ReplyMarkup;
  throw badRequest(CANT_PARSE);
}

function validateInline(raw: Record<string, unknown>, target: MarkupTarget): InlineKeyboardMarkup {
  const rows = raw.inline_keyboard;
  if (!isRows(rows)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  // parseInlineButton throws for anything but an object, so the casts below are safe.
  const parsed = rows.flat().map((button) => ({
    button: button as Record<string, unknown>,
    action: parseInlineButton(button),
  }));
  for (const { button, action } of parsed) checkInlineButton(button, action);
  for (const { button, action } of parsed) checkInlineButtonOnServer(button, action, target.linkedDomain);
  return { ...raw, inline_keyboard: rows as InlineKeyboardMarkup["inline_keyboard"] };
}

function isRows(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** Every button on a reply keyboard as an object (strings are shorthand for { text }). */
export function replyButtons(keyboard: Array<Array<KeyboardButton | string>>): KeyboardButton[] {
  return keyboard.flat().map((button) => (typeof button === "string" ? { text: button } : button));
}

/** Order-insensitive JSON, so "not modified" checks don't depend on key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
