// Telegram Login Widget / login_url authorization data, as documented at
// https://core.telegram.org/widgets/login#checking-authorization:
//   data_check_string = every received field except hash, sorted by key, "key=value" joined by "\n"
//   secret_key        = SHA256(bot_token)                 (the raw 32 bytes)
//   hash              = hex(HMAC_SHA256(data_check_string, secret_key))
// Pure functions (node:crypto only), exported so other packages' tests can sign and check data
// without a running sandbox.

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { TelegramLoginData } from "./types";

export type { TelegramLoginData };

export type LoginFields = Record<string, string | number | undefined>;

/** Every field but `hash` (and absent ones), sorted by key, as "key=value" lines. */
export function loginDataCheckString(fields: LoginFields): string {
  return Object.keys(fields)
    .filter((key) => key !== "hash" && fields[key] !== undefined)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("\n");
}

/** hex(HMAC_SHA256(data_check_string, SHA256(botToken))). */
export function computeLoginHash(fields: LoginFields, botToken: string): string {
  const secretKey = createHash("sha256").update(botToken).digest();
  return createHmac("sha256", secretKey).update(loginDataCheckString(fields)).digest("hex");
}

/**
 * Whether `fields` (e.g. the query parameters of a login redirect) carry a valid hash for this
 * bot. With maxAgeSeconds, auth_date must also be recent (Telegram recommends checking it).
 */
export function verifyLoginData(
  fields: LoginFields,
  botToken: string,
  options: { maxAgeSeconds?: number; nowSeconds?: number } = {},
): boolean {
  const hash = fields.hash;
  if (typeof hash !== "string" || !/^[0-9a-f]{64}$/i.test(hash)) return false;
  const expected = Buffer.from(computeLoginHash(fields, botToken), "hex");
  if (!timingSafeEqual(expected, Buffer.from(hash.toLowerCase(), "hex"))) return false;
  if (options.maxAgeSeconds === undefined) return true;
  const authDate = Number(fields.auth_date);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  return Number.isFinite(authDate) && now - authDate <= options.maxAgeSeconds;
}

/**
 * The URL the Telegram app opens after the user accepts a login button: the button's URL with
 * the authorization fields appended to its query string (before any #fragment).
 */
export function loginRedirectUrl(url: string, data: TelegramLoginData): string {
  const order = ["id", "first_name", "last_name", "username", "photo_url", "auth_date", "hash"] as const;
  const query = order
    .filter((key) => data[key] !== undefined)
    .map((key) => `${key}=${encodeURIComponent(String(data[key]))}`)
    .join("&");
  const hashAt = url.indexOf("#");
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : url.slice(hashAt);
  const separator = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${separator}${query}${fragment}`;
}
