// Pressing an inline login_url button (Seamless Telegram Login): the app asks the user to log in
// to the button's domain, then opens the URL with signed user data appended. No update reaches
// the bot; the website receives the data and must check its hash.

import { parseInlineButton } from "../bot-api/inline-buttons";
import { linkHost } from "../bot-api/link-check";
import { ControlError } from "../errors";
import { computeLoginHash, loginRedirectUrl } from "../login-widget";
import { type BotState, nowSeconds, type Store, type StoredMessage } from "../store";
import type {
  InlineKeyboardButton,
  LoginUrl,
  SandboxLoginButtonResult,
  SandboxUser,
  TelegramLoginData,
} from "../types";

/** Which button: by its text, or by 0-based row and column. */
export interface ButtonSelector {
  text?: string;
  row?: number;
  column?: number;
}

export function findLoginButton(message: StoredMessage, selector: ButtonSelector): LoginUrl {
  const markup = message.replyMarkup;
  const rows = markup && "inline_keyboard" in markup ? markup.inline_keyboard : [];
  const describe = () =>
    rows.map((row, r) => row.map((b, c) => `[${r},${c}] ${JSON.stringify(b.text)}`).join(", ")).join("; ") ||
    "none";
  let button: InlineKeyboardButton | undefined;
  if (selector.text !== undefined) {
    button = rows.flat().find((b) => b.text === selector.text);
  } else if (selector.row !== undefined && selector.column !== undefined) {
    button = rows[selector.row]?.[selector.column];
  } else {
    throw new ControlError(400, 'give the button\'s "text", or its "row" and "column" (0-based)');
  }
  const which =
    selector.text !== undefined ? JSON.stringify(selector.text) : `[${selector.row},${selector.column}]`;
  if (!button)
    throw new ControlError(
      400,
      `message ${message.messageId} has no inline button ${which} (buttons: ${describe()})`,
    );
  // The Bot API uses the first action field of a button; a login_url behind a url is never seen.
  if (parseInlineButton(button) !== "login_url" || !button.login_url)
    throw new ControlError(
      400,
      `inline button ${which} of message ${message.messageId} is not a login_url button`,
    );
  return button.login_url;
}

export function pressLogin(
  store: Store,
  sender: BotState,
  loginUrl: LoginUrl,
  from: SandboxUser,
  decline: boolean,
): SandboxLoginButtonResult {
  const authBot = loginUrl.bot_username ? store.botByUsername(loginUrl.bot_username) : sender;
  if (!authBot) throw new ControlError(400, `login_url names an unknown bot @${loginUrl.bot_username}`);
  const base = {
    bot_username: authBot.username,
    request_write_access: loginUrl.request_write_access === true,
  };
  if (decline) return { url: loginUrl.url, authorized: false, ...base };
  // Checked when the message was sent; the domain may have been changed with setBotDomain since.
  if (authBot.linkedDomain === null || linkHost(loginUrl.url) !== authBot.linkedDomain) {
    throw new ControlError(
      409,
      `login_url host ${linkHost(loginUrl.url)} is not the domain linked to @${authBot.username} (${authBot.linkedDomain ?? "none"})`,
    );
  }
  const fields = {
    id: from.id,
    first_name: from.first_name,
    ...(from.last_name ? { last_name: from.last_name } : {}),
    ...(from.username ? { username: from.username } : {}),
    ...(from.photo_url ? { photo_url: from.photo_url } : {}),
    auth_date: nowSeconds(),
  };
  const data: TelegramLoginData = { ...fields, hash: computeLoginHash(fields, authBot.token) };
  return { url: loginRedirectUrl(loginUrl.url, data), authorized: true, data, ...base };
}
