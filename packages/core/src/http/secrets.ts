import { decryptSecret, encryptSecret, workspaceSecrets } from "@switchboard/db";
import { SECRET_NAME } from "@switchboard/flow";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { forbidden, invalid, notFound } from "../errors";

/*
 * Workspace secrets: values HTTP request steps send in headers (`{{secrets.NAME}}`), encrypted at rest
 * like bot tokens. Write-only: members see names and dates; only the runtime's HTTP worker decrypts,
 * at call time, so a value is never in a flow, a job row, the engine's state or the transcript.
 */

export const MAX_SECRET_VALUE_LENGTH = 8192;

export interface SecretSummary {
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

function assertEditor(actor: Actor) {
  if (actor.role === "operator")
    throw forbidden("Operators can't manage secrets; an owner or a marketer can.");
}

function parseName(raw: string): string {
  const name = raw.trim();
  if (!SECRET_NAME.test(name))
    throw invalid(
      'A secret name has 1–64 letters, digits or "_" and starts with a letter or "_", e.g. "API_KEY".',
    );
  return name;
}

export async function listSecrets(db: Executor, actor: Actor): Promise<SecretSummary[]> {
  return db
    .select({
      name: workspaceSecrets.name,
      createdAt: workspaceSecrets.createdAt,
      updatedAt: workspaceSecrets.updatedAt,
    })
    .from(workspaceSecrets)
    .where(eq(workspaceSecrets.workspaceId, actor.workspaceId))
    .orderBy(asc(workspaceSecrets.name));
}

/** Creates or replaces a secret. */
export async function setSecret(
  db: Executor,
  actor: Actor,
  secretKey: Buffer,
  input: { name: string; value: string },
): Promise<SecretSummary> {
  assertEditor(actor);
  const name = parseName(input.name);
  if (input.value === "") throw invalid("Enter the secret's value.");
  if (input.value.length > MAX_SECRET_VALUE_LENGTH)
    throw invalid(`A secret can have at most ${MAX_SECRET_VALUE_LENGTH} characters.`);
  if (/[\r\n]/.test(input.value)) throw invalid("A secret sent in a header can't contain line breaks.");
  const valueEncrypted = encryptSecret(input.value, secretKey);
  const [row] = await db
    .insert(workspaceSecrets)
    .values({ workspaceId: actor.workspaceId, name, valueEncrypted })
    .onConflictDoUpdate({
      target: [workspaceSecrets.workspaceId, workspaceSecrets.name],
      set: { valueEncrypted, updatedAt: sql`now()` },
    })
    .returning({
      name: workspaceSecrets.name,
      createdAt: workspaceSecrets.createdAt,
      updatedAt: workspaceSecrets.updatedAt,
    });
  return row!;
}

export async function removeSecret(db: Executor, actor: Actor, rawName: string): Promise<void> {
  assertEditor(actor);
  const removed = await db
    .delete(workspaceSecrets)
    .where(
      and(eq(workspaceSecrets.workspaceId, actor.workspaceId), eq(workspaceSecrets.name, rawName.trim())),
    )
    .returning({ name: workspaceSecrets.name });
  if (removed.length === 0) throw notFound(`Secret "${rawName}"`);
}

/** The runtime's read at call time: the named secrets' values (missing names are left out). */
export async function readSecretValues(
  db: Executor,
  workspaceId: string,
  names: readonly string[],
  secretKey: Buffer,
): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  if (names.length === 0) return values;
  const rows = await db
    .select({ name: workspaceSecrets.name, valueEncrypted: workspaceSecrets.valueEncrypted })
    .from(workspaceSecrets)
    .where(and(eq(workspaceSecrets.workspaceId, workspaceId), inArray(workspaceSecrets.name, [...names])));
  for (const r of rows) values.set(r.name, decryptSecret(r.valueEncrypted, secretKey));
  return values;
}
