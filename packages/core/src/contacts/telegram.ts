import { type ContactRow, contacts } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../db";

/** The parts of a Telegram user a contact is made from. */
export interface TelegramUserInfo {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/**
 * The workspace's contact for a Telegram user, created on first contact. Names come from Telegram only
 * when the contact is created: later, what the contact told a bot (Update contact) is not overwritten by
 * their profile. A contact merged into another leads to the survivor.
 */
export async function upsertTelegramContact(
  tx: Executor,
  workspaceId: string,
  from: TelegramUserInfo,
): Promise<ContactRow> {
  const [row] = await tx
    .insert(contacts)
    .values({
      workspaceId,
      telegramUserId: from.id,
      firstName: from.first_name ?? "",
      lastName: from.last_name ?? null,
      username: from.username ?? null,
      languageCode: from.language_code ?? null,
    })
    .onConflictDoUpdate({
      target: [contacts.workspaceId, contacts.telegramUserId],
      set: {
        username: from.username ?? null,
        languageCode: from.language_code ?? null,
        lastSeenAt: sql`now()`,
      },
    })
    .returning();
  return row!.mergedIntoId ? survivorOf(tx, row!) : row!;
}

/** The contact a merged contact now lives on (merges point straight at the survivor). */
export async function survivorOf(tx: Executor, contact: ContactRow): Promise<ContactRow> {
  let current = contact;
  // Merges re-point earlier pointers at the survivor, so this is one hop; the bound guards bad data.
  for (let hops = 0; current.mergedIntoId && hops < 5; hops++) {
    const [next] = await tx.select().from(contacts).where(eq(contacts.id, current.mergedIntoId));
    if (!next) break;
    current = next;
  }
  if (current === contact) return current;
  const [seen] = await tx
    .update(contacts)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(contacts.id, current.id))
    .returning();
  return seen ?? current;
}
