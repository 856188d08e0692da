// Reply keyboard buttons (KeyboardButton), checked in the order Telegram does: the Bot API
// server's JSON parsing, then TDLib's rules for the target chat.

import { badRequest } from "../errors";
import type { TgChat } from "../types";
import {
  FieldError,
  isObject,
  optionalBool,
  requiredInt,
  requiredObject,
  requiredString,
} from "./json-fields";
import { checkLink, invalidLinkText } from "./link-check";

/** What a button asks the user for; "text" buttons just send their label. */
export type KeyboardButtonType =
  | "text"
  | "request_contact"
  | "request_location"
  | "request_poll"
  | "web_app"
  | "request_users"
  | "request_chat";

/** TDLib's answer when a request button is sent outside a private chat (first letter lowered, as the Bot API does). */
const PRIVATE_ONLY: Record<Exclude<KeyboardButtonType, "text">, string> = {
  request_contact: "phone number can be requested in private chats only",
  request_location: "location can be requested in private chats only",
  request_poll: "poll can be requested in private chats only",
  web_app: "web App buttons can be used in private chats only",
  request_users: "users can be requested in private chats only",
  request_chat: "chats can be requested in private chats only",
};

/**
 * Bot API layer: the button's shape. Returns the button's type. Telegram silently keeps only the
 * first of several request fields (in the order above); the sandbox refuses such a button, since
 * a bot that sets two of them has a bug Telegram would hide.
 */
export function parseKeyboardButton(button: unknown): KeyboardButtonType {
  if (typeof button === "string") return "text";
  if (!isObject(button)) throw cantParse("KeyboardButton must be a String or an Object");
  try {
    requiredString(button, "text");
    const types: KeyboardButtonType[] = [];
    if (optionalBool(button, "request_contact") || optionalBool(button, "request_phone_number"))
      types.push("request_contact");
    if (optionalBool(button, "request_location")) types.push("request_location");
    if (button.request_poll !== undefined) {
      requiredObject(button, "request_poll");
      types.push("request_poll");
    }
    if (button.web_app !== undefined) {
      requiredString(requiredObject(button, "web_app"), "url");
      types.push("web_app");
    }
    for (const field of ["request_users", "request_user", "request_chat"] as const) {
      if (button[field] === undefined) continue;
      requiredInt(requiredObject(button, field), "request_id");
      types.push(field === "request_chat" ? "request_chat" : "request_users");
    }
    if (types.length > 1) {
      throw new FieldError(
        `a KeyboardButton can use only one of request_contact, request_location, request_poll, web_app, request_users, request_chat (got ${types.join(", ")}); Telegram would silently drop all but the first, the sandbox refuses`,
      );
    }
    return types[0] ?? "text";
  } catch (error) {
    if (error instanceof FieldError) throw cantParse(error.message);
    throw error;
  }
}

/** TDLib layer: request buttons only in private chats; Web App links must be HTTPS. */
export function checkKeyboardButton(
  button: unknown,
  type: KeyboardButtonType,
  chatType: TgChat["type"],
): void {
  if (type === "text") return;
  if (chatType !== "private") throw badRequest(PRIVATE_ONLY[type]);
  if (type === "web_app" && isObject(button) && isObject(button.web_app)) {
    const url = String(button.web_app.url);
    const check = checkLink(url, { httpOnly: true, httpsOnly: true });
    if (!check.ok) throw badRequest(`keyboard button Web App ${invalidLinkText(url, check.reason)}`);
  }
}

function cantParse(detail: string) {
  return badRequest(`can't parse keyboard button: ${detail}`);
}
