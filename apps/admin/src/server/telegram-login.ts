import { verifyTelegramLogin } from "@switchboard/core";

/*
 * Telegram's login_url target (`GET /api/telegram-login?t=<token>&id=…&hash=…`): Telegram appends
 * the user's signed data to the Login step's URL. The data must be signed with the link's bot token
 * and name the link's Telegram user; otherwise the link is refused. Either way the browser goes on to
 * the link's page, where a signed-in member confirms (or sees that it was refused).
 */

export interface LinkOwner {
  botId: string;
  /** The Telegram user the link was made for (null if the contact has none, which can't verify). */
  telegramUserId: number | null;
}

export type LoginDecision =
  /** No such link: the page says so. */
  | "unknown"
  /** Telegram vouches for the link's own user: on to the page to confirm. */
  | "verified"
  /** The data is missing, forged, too old, or another user's: refuse the link. */
  | "refuse";

export function decideTelegramLogin(input: {
  owner: LinkOwner | null;
  /** The link's bot token, decrypted; null when the bot is gone. */
  botToken: string | null;
  params: URLSearchParams;
  now?: Date;
}): LoginDecision {
  if (!input.owner) return "unknown";
  if (!input.botToken || input.owner.telegramUserId === null) return "refuse";
  const user = verifyTelegramLogin(input.params, input.botToken, input.now ? { now: input.now } : {});
  if (!user || user.id !== input.owner.telegramUserId) return "refuse";
  return "verified";
}

/** The token from `?t=`, when it looks like one (the core checks it properly). */
export function loginTokenOf(params: URLSearchParams): string | null {
  const t = params.get("t");
  return t && /^[A-Za-z0-9_-]{1,200}$/.test(t) ? t : null;
}

export const loginPagePath = (token: string) => `/telegram-login/${encodeURIComponent(token)}`;
