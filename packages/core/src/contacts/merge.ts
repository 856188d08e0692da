import { type ContactRow, contacts, conversations, leads, loginTokens } from "@switchboard/db";
import { applyTags } from "@switchboard/flow";
import { eq } from "drizzle-orm";
import type { Executor } from "../db";

const pick = <T>(fresh: T | null | undefined, other: T | null | undefined): T | null =>
  fresh !== null && fresh !== undefined && fresh !== "" ? fresh : (other ?? null);

/**
 * Makes two contacts one: the older one survives (its id is the one other systems already know), the
 * newer becomes a pointer to it. Conversations, leads and login links move over; tags are united;
 * for names, fields and the like, the `fresh` contact's non-empty values win (it is the one that is
 * talking right now). Runs inside the caller's transaction.
 */
export async function mergeContacts(
  tx: Executor,
  a: ContactRow,
  b: ContactRow,
  fresh: ContactRow,
): Promise<ContactRow> {
  const [keep, gone] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
  const stale = fresh.id === keep.id ? gone : keep;

  for (const table of [conversations, leads, loginTokens])
    await tx.update(table).set({ contactId: keep.id }).where(eq(table.contactId, gone.id));
  // Earlier merges into `gone` now point at the survivor directly.
  await tx.update(contacts).set({ mergedIntoId: keep.id }).where(eq(contacts.mergedIntoId, gone.id));

  // A contact created by hand has no Telegram user: it takes over the merged one's.
  const takeTelegram = keep.telegramUserId === null && gone.telegramUserId !== null;
  await tx
    .update(contacts)
    .set({ mergedIntoId: keep.id, phone: null, ...(takeTelegram ? { telegramUserId: null } : {}) })
    .where(eq(contacts.id, gone.id));

  const [merged] = await tx
    .update(contacts)
    .set({
      telegramUserId: takeTelegram ? gone.telegramUserId : keep.telegramUserId,
      firstName: pick(fresh.firstName, stale.firstName) ?? "",
      lastName: pick(fresh.lastName, stale.lastName),
      username: pick(fresh.username, stale.username),
      languageCode: pick(fresh.languageCode, stale.languageCode),
      language: pick(fresh.language, stale.language),
      phone: pick(fresh.phone, stale.phone),
      email: pick(fresh.email, stale.email),
      city: pick(fresh.city, stale.city),
      ownerUserId: pick(keep.ownerUserId, gone.ownerUserId),
      linkedUserId: pick(fresh.linkedUserId, stale.linkedUserId),
      linkedAt: fresh.linkedUserId ? fresh.linkedAt : stale.linkedAt,
      tags: applyTags(stale.tags, fresh.tags, []),
      fields: { ...stale.fields, ...fresh.fields },
      tracker: { ...stale.tracker, ...fresh.tracker },
    })
    .where(eq(contacts.id, keep.id))
    .returning();
  return merged!;
}
