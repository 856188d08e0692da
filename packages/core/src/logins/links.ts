import { createHash, randomBytes } from "node:crypto";
import { loginTokens } from "@switchboard/db";
import { sql } from "drizzle-orm";
import type { Executor } from "../db";
import type { LoginLink } from "../outbox/telegram-calls";

export const hashLoginToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Path of the admin page where a member confirms a Login step's link. */
export const loginPagePath = (token: string) => `/telegram-login/${token}`;
/** Route that Telegram's login_url opens (it appends the signed user data to the query). */
export const loginUrlRoutePath = (token: string) => `/api/telegram-login?t=${token}`;

/** Telegram refuses button URLs whose host has no dot (http://localhost:3000): such links go in the text. */
export function canBeButtonUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host.includes(".");
  } catch {
    return false;
  }
}

export interface MintLoginInput {
  workspaceId: string;
  botId: string;
  conversationId: string;
  contactId: string;
  stepId: string;
  loginId: string;
  /** How long the link is valid (the step's timeout). */
  validForMs: number;
  adminBaseUrl: string;
  /** The bot's domain is linked in BotFather: use Telegram's login_url button. */
  loginDomainLinked: boolean;
}

/**
 * Mints a Login step's one-time link: 32 random bytes, only their SHA-256 stored, expiring with the
 * step's timeout, usable once. Returns how the button carries it.
 */
export async function mintLoginLink(tx: Executor, input: MintLoginInput): Promise<LoginLink> {
  const token = randomBytes(32).toString("base64url");
  await tx
    .insert(loginTokens)
    .values({
      tokenHash: hashLoginToken(token),
      workspaceId: input.workspaceId,
      botId: input.botId,
      conversationId: input.conversationId,
      contactId: input.contactId,
      stepId: input.stepId,
      loginId: input.loginId,
      expiresAt: sql`now() + ${Math.max(60_000, Math.round(input.validForMs))} * interval '1 millisecond'`,
    })
    .onConflictDoNothing();
  const base = input.adminBaseUrl.replace(/\/+$/, "");
  if (input.loginDomainLinked) {
    const url = `${base}${loginUrlRoutePath(token)}`;
    return { url, mode: canBeButtonUrl(url) ? "login_url" : "text" };
  }
  const url = `${base}${loginPagePath(token)}`;
  return { url, mode: canBeButtonUrl(url) ? "url" : "text" };
}
