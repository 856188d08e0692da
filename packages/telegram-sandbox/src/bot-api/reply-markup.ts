// reply_markup validation with Telegram's error descriptions. Invalid keyboards are one of the
// most common causes of 400s from the real API, so the sandbox rejects them the same way.

import { badRequest, Errors } from "../errors";
import type { Params } from "../http/params";
import type { InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyMarkup } from "../types";

const CANT_PARSE = "can't parse reply keyboard markup JSON object";
/** Fields that give an inline button an action; a button needs exactly one. */
const INLINE_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

/** Parses and validates reply_markup. `inlineOnly` for edit methods, which accept only inline keyboards. */
export function parseReplyMarkup(
  params: Params,
  options: { inlineOnly?: boolean } = {},
): ReplyMarkup | undefined {
  const raw = params.json("reply_markup", CANT_PARSE);
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw badRequest(CANT_PARSE);
  if ("inline_keyboard" in raw) return validateInline(raw);
  if (options.inlineOnly) throw badRequest("inline keyboard expected");
  if ("keyboard" in raw) {
    const rows = raw.keyboard;
    if (!isRows(rows))
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    for (const button of rows.flat()) validateKeyboardButton(button);
    return raw as unknown as ReplyMarkup;
  }
  if (raw.remove_keyboard === true) return raw as unknown as ReplyMarkup;
  if (raw.force_reply === true) return raw as unknown as ReplyMarkup;
  throw badRequest(CANT_PARSE);
}

function validateInline(raw: Record<string, unknown>): InlineKeyboardMarkup {
  const rows = raw.inline_keyboard;
  if (!isRows(rows)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  for (const button of rows.flat()) {
    if (!isObject(button))
      throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
    if (typeof button.text !== "string") {
      throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
    }
    if (!INLINE_ACTIONS.some((field) => button[field] !== undefined)) {
      throw badRequest(
        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
      );
    }
    if (button.callback_data !== undefined) {
      const data = button.callback_data;
      const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
      // Telegram's limit is 1-64 bytes of UTF-8, not 64 characters.
      if (bytes < 1 || bytes > 64) throw Errors.buttonDataInvalid();
    }
    if (button.url !== undefined && !isButtonUrl(button.url)) {
      throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`);
    }
  }
  return { ...raw, inline_keyboard: rows as InlineKeyboardButton[][] };
}

function validateKeyboardButton(button: unknown): void {
  if (typeof button === "string") return;
  if (!isObject(button))
    throw badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
  if (typeof button.text !== "string") {
    throw badRequest('can\'t parse keyboard button: Field "text" must be of type String');
  }
}

function isButtonUrl(value: unknown): boolean {
  if (typeof value !== "string" || value.length === 0) return false;
  // Telegram accepts bare domains ("example.com") as well as http(s) and tg:// links.
  if (/^[\w-]+(\.[\w-]+)+(?:[/:?#].*)?$/.test(value)) return true;
  try {
    return ["http:", "https:", "tg:", "ton:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRows(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** Text of every button on a reply keyboard (strings are shorthand for { text }). */
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
