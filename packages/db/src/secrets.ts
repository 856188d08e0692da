import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Bot tokens are stored with AES-256-GCM under a key derived from SWITCHBOARD_SECRET.
 * Format: "v1:<iv>:<tag>:<ciphertext>" (base64url). The version prefix allows key rotation later.
 */
export function secretKeyFrom(secret: string): Buffer {
  if (secret.length < 16) throw new Error("SWITCHBOARD_SECRET must be at least 16 characters.");
  return createHash("sha256").update(`switchboard:${secret}`).digest();
}

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(":");
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, body] = stored.split(":");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unknown secret format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** The key for this process: SWITCHBOARD_SECRET, or a fixed development secret outside production. */
export function secretKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const secret = env.SWITCHBOARD_SECRET;
  if (secret) return secretKeyFrom(secret);
  if (env.NODE_ENV === "production") throw new Error("SWITCHBOARD_SECRET must be set in production.");
  return secretKeyFrom("switchboard-development-secret-do-not-use");
}

/** "123456:AAE…wxyz" */
export function tokenHint(token: string): string {
  const [id, rest = ""] = token.split(":");
  return `${id}:…${rest.slice(-4)}`;
}
