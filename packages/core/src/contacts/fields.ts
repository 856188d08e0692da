import { contactFields } from "@switchboard/db";
import { type CustomFieldDefinition, customFieldDefinitionSchema } from "@switchboard/flow";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { conflict, invalid, notFound } from "../errors";

/** The workspace's custom contact fields, in their order. */
export async function listContactFields(db: Executor, workspaceId: string) {
  return db
    .select()
    .from(contactFields)
    .where(eq(contactFields.workspaceId, workspaceId))
    .orderBy(asc(contactFields.position), asc(contactFields.createdAt));
}

/** The definitions the flow compiler checks Update-contact steps and audience rules against. */
export async function contactFieldDefinitions(
  db: Executor,
  workspaceId: string,
): Promise<CustomFieldDefinition[]> {
  return (await listContactFields(db, workspaceId)).map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    options: f.options,
  }));
}

function parseDefinition(input: unknown): CustomFieldDefinition {
  const parsed = customFieldDefinitionSchema.safeParse(input);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => `${i.path.join(".") || "field"}: ${i.message}`).join("; "));
  const def = parsed.data;
  const options = [...new Set(def.options.map((o) => o.trim()))];
  if (def.type === "choice" && options.length === 0)
    throw invalid("A choice field needs at least one option.");
  return { ...def, options: def.type === "choice" ? options : [] };
}

export async function createContactField(db: Executor, actor: Actor, input: unknown) {
  const def = parseDefinition(input);
  const [row] = await db
    .insert(contactFields)
    .values({
      workspaceId: actor.workspaceId,
      ...def,
      position: sql`coalesce((select max(position) + 1 from contact_fields where workspace_id = ${actor.workspaceId}), 0)`,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict(`A field with the key "${def.key}" already exists.`);
  return row;
}

/** Label, type and options can change; the key can't (flows and stored values refer to it). */
export async function updateContactField(db: Executor, actor: Actor, id: string, input: unknown) {
  const [current] = await db
    .select()
    .from(contactFields)
    .where(and(eq(contactFields.id, id), eq(contactFields.workspaceId, actor.workspaceId)));
  if (!current) throw notFound("Field");
  const def = parseDefinition({ ...(input as object), key: current.key });
  const [row] = await db
    .update(contactFields)
    .set({ label: def.label, type: def.type, options: def.options })
    .where(eq(contactFields.id, id))
    .returning();
  return row!;
}

/** Values already stored on contacts are kept (a field added back with the same key shows them again). */
export async function removeContactField(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .delete(contactFields)
    .where(and(eq(contactFields.id, id), eq(contactFields.workspaceId, actor.workspaceId)))
    .returning({ id: contactFields.id });
  if (!row) throw notFound("Field");
}
