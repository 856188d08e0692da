import { type ContactRow, contacts } from "@switchboard/db";
import { applyTags, type OutboundAction } from "@switchboard/flow";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Executor } from "../db";
import { lockPhone } from "../locks";
import { mergeContacts } from "./merge";

type UpdateContact = Extract<OutboundAction, { type: "update_contact" }>;

const COLUMN = {
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  phone: "phone",
  city: "city",
  language: "language",
} as const;

/**
 * Applies an Update-contact step's result. Saving a phone that another contact of the workspace
 * already has merges the two (merge.ts) before the value is written, so the workspace never holds
 * two contacts with one number. Returns the contact the values now live on.
 */
export async function applyContactUpdate(
  tx: Executor,
  contact: ContactRow,
  update: Pick<UpdateContact, "set" | "fields" | "addTags" | "removeTags">,
): Promise<ContactRow> {
  let current = contact;
  const phone = update.set.phone;
  if (phone) {
    await lockPhone(tx, contact.workspaceId, phone);
    const [other] = await tx
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, contact.workspaceId),
          eq(contacts.phone, phone),
          isNull(contacts.mergedIntoId),
          ne(contacts.id, contact.id),
        ),
      )
      .orderBy(asc(contacts.createdAt))
      .limit(1)
      .for("update");
    if (other) current = await mergeContacts(tx, contact, other, contact);
  }
  const values: Partial<ContactRow> = {};
  for (const [key, value] of Object.entries(update.set))
    if (value !== undefined) values[COLUMN[key as keyof typeof COLUMN]] = value;
  const [row] = await tx
    .update(contacts)
    .set({
      ...values,
      fields: { ...current.fields, ...update.fields },
      tags: applyTags(current.tags, update.addTags, update.removeTags),
    })
    .where(eq(contacts.id, current.id))
    .returning();
  return row!;
}
