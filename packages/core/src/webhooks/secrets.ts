import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret, webhookSecrets } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { forbidden } from "../errors";

/** A fresh signing secret: "whsec_" and 32 random bytes, base64url. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/**
 * The workspace's webhook signing secret, made on first use (concurrent first uses agree: the first
 * insert wins and everyone reads it back).
 */
export async function webhookSigningSecret(
  db: Executor,
  workspaceId: string,
  secretKey: Buffer,
): Promise<{ secret: string; createdAt: Date; rotatedAt: Date | null }> {
  const read = () => db.select().from(webhookSecrets).where(eq(webhookSecrets.workspaceId, workspaceId));
  let [row] = await read();
  if (!row) {
    await db
      .insert(webhookSecrets)
      .values({ workspaceId, secretEncrypted: encryptSecret(newSecret(), secretKey) })
      .onConflictDoNothing();
    [row] = await read();
  }
  return {
    secret: decryptSecret(row!.secretEncrypted, secretKey),
    createdAt: row!.createdAt,
    rotatedAt: row!.rotatedAt,
  };
}

function assertWebhookEditor(actor: Actor) {
  if (actor.role === "operator") throw forbidden("Operators can't see or change webhook settings.");
}

/** The signing secret for Settings (owners and marketers). */
export async function revealSigningSecret(db: Executor, actor: Actor, secretKey: Buffer) {
  assertWebhookEditor(actor);
  return webhookSigningSecret(db, actor.workspaceId, secretKey);
}

/**
 * A new signing secret, in force at once: deliveries sent from now on (retries included) are signed
 * with it, so receivers must switch too.
 */
export async function rotateSigningSecret(db: Executor, actor: Actor, secretKey: Buffer) {
  assertWebhookEditor(actor);
  const secretEncrypted = encryptSecret(newSecret(), secretKey);
  await db
    .insert(webhookSecrets)
    .values({ workspaceId: actor.workspaceId, secretEncrypted, rotatedAt: sql`now()` })
    .onConflictDoUpdate({
      target: webhookSecrets.workspaceId,
      set: { secretEncrypted, rotatedAt: sql`now()` },
    });
  return webhookSigningSecret(db, actor.workspaceId, secretKey);
}

export { assertWebhookEditor };
