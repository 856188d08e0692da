import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The Telegram user a login_url (or Login Widget) redirect vouches for. */
export interface TelegramLoginUser {
  id: number;
  firstName: string;
  username: string | null;
  authDate: Date;
}

/** The fields Telegram signs; anything else on the URL (our own `t`) is not part of the check. */
const SIGNED_FIELDS = ["id", "first_name", "last_name", "username", "photo_url", "auth_date"] as const;

/**
 * Verifies the data Telegram appends to a login_url, exactly as Telegram documents for the Login
 * Widget: data-check-string = the received fields except `hash`, sorted by name, "key=value" joined by
 * "\n"; secret key = SHA-256(bot token); hash = hex HMAC-SHA-256(data-check-string, secret key).
 * The auth date must not be older than `maxAgeSeconds`. Returns null when anything doesn't hold.
 */
export function verifyTelegramLogin(
  query: URLSearchParams,
  botToken: string,
  options: { maxAgeSeconds?: number; now?: Date } = {},
): TelegramLoginUser | null {
  const hash = query.get("hash");
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return null;
  const fields = SIGNED_FIELDS.filter((k) => query.has(k)).sort();
  const dataCheckString = fields.map((k) => `${k}=${query.get(k)}`).join("\n");
  const secret = createHash("sha256").update(botToken).digest();
  const expected = createHmac("sha256", secret).update(dataCheckString).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, "hex"))) return null;
  const id = Number(query.get("id"));
  const authDate = Number(query.get("auth_date"));
  if (!Number.isSafeInteger(id) || !Number.isFinite(authDate)) return null;
  const ageSeconds = ((options.now ?? new Date()).getTime() - authDate * 1000) / 1000;
  if (ageSeconds > (options.maxAgeSeconds ?? 86_400)) return null;
  return {
    id,
    firstName: query.get("first_name") ?? "",
    username: query.get("username"),
    authDate: new Date(authDate * 1000),
  };
}
