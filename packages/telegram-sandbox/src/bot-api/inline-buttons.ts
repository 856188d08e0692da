// Inline keyboard buttons (InlineKeyboardButton), checked in Telegram's three stages: the Bot API
// server's JSON parsing (which picks the button's one action), TDLib's link checks, then the
// Telegram server's own checks (callback data size, the login domain).

import { badRequest, Errors } from "../errors";
import {
  FieldError,
  isObject,
  optionalBool,
  optionalString,
  requiredObject,
  requiredString,
} from "./json-fields";
import { checkLink, invalidLinkText, linkHost } from "./link-check";

/**
 * The action of a button. The Bot API server reads the fields in this order and uses the first
 * one present; the rest are ignored (so only that one is validated, as in Telegram).
 */
export type InlineAction =
  | "url"
  | "callback_data"
  | "callback_game"
  | "pay"
  | "switch_inline_query"
  | "switch_inline_query_chosen_chat"
  | "switch_inline_query_current_chat"
  | "login_url"
  | "web_app"
  | "copy_text";

const BOT_USERNAME = /^[A-Za-z0-9_]+$/;

/** Bot API layer: the button's shape; returns its action. */
export function parseInlineButton(button: unknown): InlineAction {
  if (!isObject(button)) throw cantParse("InlineKeyboardButton must be an Object");
  try {
    requiredString(button, "text");
    // An empty url or callback_data counts as absent, as in the Bot API server.
    if (optionalString(button, "url") !== "") return "url";
    if (optionalString(button, "callback_data") !== "") return "callback_data";
    if (button.callback_game !== undefined) return "callback_game";
    if (button.pay !== undefined) return "pay";
    if (button.switch_inline_query !== undefined) {
      requiredString(button, "switch_inline_query");
      return "switch_inline_query";
    }
    if (button.switch_inline_query_chosen_chat !== undefined) {
      requiredObject(button, "switch_inline_query_chosen_chat");
      return "switch_inline_query_chosen_chat";
    }
    if (button.switch_inline_query_current_chat !== undefined) {
      requiredString(button, "switch_inline_query_current_chat");
      return "switch_inline_query_current_chat";
    }
    if (button.login_url !== undefined) {
      parseLoginUrl(requiredObject(button, "login_url"));
      return "login_url";
    }
    if (button.web_app !== undefined) {
      requiredString(requiredObject(button, "web_app"), "url");
      return "web_app";
    }
    if (button.copy_text !== undefined) {
      requiredString(requiredObject(button, "copy_text"), "text");
      return "copy_text";
    }
  } catch (error) {
    if (error instanceof FieldError) throw cantParse(error.message);
    throw error;
  }
  throw cantParse("Text buttons are unallowed in the inline keyboard");
}

function parseLoginUrl(loginUrl: Record<string, unknown>): void {
  requiredString(loginUrl, "url");
  optionalBool(loginUrl, "request_write_access");
  optionalString(loginUrl, "forward_text");
  const username = optionalString(loginUrl, "bot_username").replace(/^@/, "");
  if (loginUrl.bot_username !== undefined && !BOT_USERNAME.test(username))
    throw new FieldError("LoginUrl bot username is invalid");
}

/** TDLib layer: links must pass check_link; login and Web App links must also be HTTPS. */
export function checkInlineButton(button: Record<string, unknown>, action: InlineAction): void {
  if (action === "url") {
    const url = String(button.url);
    const check = checkLink(url);
    if (!check.ok) throw badRequest(`inline keyboard button ${invalidLinkText(url, check.reason)}`);
  }
  if (action === "login_url" || action === "web_app") {
    const url = String((button[action] as Record<string, unknown>).url);
    const check = checkLink(url, { httpOnly: true, httpsOnly: true });
    const kind = action === "login_url" ? "login" : "Web App";
    if (!check.ok) throw badRequest(`inline keyboard button ${kind} ${invalidLinkText(url, check.reason)}`);
  }
}

/**
 * Telegram server layer. `linkedDomain` gives the domain a bot linked with BotFather's
 * /setdomain (null when none), for the bot a login button names (undefined = the sender).
 */
export function checkInlineButtonOnServer(
  button: Record<string, unknown>,
  action: InlineAction,
  linkedDomain: (botUsername: string | undefined) => string | null,
): void {
  if (action === "callback_data") {
    // Telegram's limit is 1-64 bytes of UTF-8, not 64 characters.
    if (Buffer.byteLength(String(button.callback_data), "utf8") > 64) throw Errors.buttonDataInvalid();
  }
  if (action === "login_url") {
    const loginUrl = button.login_url as Record<string, unknown>;
    const botUsername = typeof loginUrl.bot_username === "string" ? loginUrl.bot_username : undefined;
    const domain = linkedDomain(botUsername?.replace(/^@/, ""));
    if (domain === null || linkHost(String(loginUrl.url)) !== domain) throw Errors.botDomainInvalid();
  }
}

function cantParse(detail: string) {
  return badRequest(`can't parse inline keyboard button: ${detail}`);
}
