import { createHash, createHmac } from "node:crypto";

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A string that could be a token at all (anything else is not looked up). */
export const isInvitationTokenShaped = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

/**
 * An invitation's token: HMAC-SHA-256 of the invitation's (random) id under a key derived from the
 * server's secret, base64url (43 characters, 256 bits). Only its SHA-256 is stored, as for any
 * one-time token, so the database alone never gives a working link; deriving it (instead of 32 random
 * bytes) lets an owner copy an open invitation's link again later without the token being stored.
 */
export function invitationToken(secretKey: Buffer, invitationId: string): string {
  const key = createHmac("sha256", secretKey).update("switchboard:invitation-token:v1").digest();
  return createHmac("sha256", key).update(invitationId).digest("base64url");
}

/** Path of the admin page where an invitation is accepted. */
export const invitationPath = (token: string) => `/invite/${token}`;

export const invitationLink = (adminBaseUrl: string, token: string) =>
  `${adminBaseUrl.replace(/\/+$/, "")}${invitationPath(token)}`;
