import { bots, contacts, conversations, loginTokens, memberships, workspaces } from "@switchboard/db";
import { and, eq, sql } from "drizzle-orm";
import { contactDisplayName } from "../contacts/facts";
import { survivorOf } from "../contacts/telegram";
import { type CoreEnv, dispatchEvent } from "../conversations/dispatch";
import { lockConversation } from "../conversations/open";
import type { Db, Executor } from "../db";
import { forbidden, notFound } from "../errors";
import { hashLoginToken } from "./links";

export type LoginState = "pending" | "linked" | "refused" | "expired";

async function tokenRow(db: Executor, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(loginTokens)
    .where(eq(loginTokens.tokenHash, hashLoginToken(token)));
  return row ?? null;
}

const stateOf = (row: { status: LoginState; expiresAt: Date }): LoginState =>
  row.status === "pending" && row.expiresAt.getTime() <= Date.now() ? "expired" : row.status;

/** What the confirmation page shows about a login link (no session needed, nothing secret). */
export async function describeLogin(db: Executor, token: string) {
  const row = await tokenRow(db, token);
  if (!row) throw notFound("Login link");
  const [info] = await db
    .select({
      botUsername: bots.username,
      workspaceName: workspaces.name,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      username: contacts.username,
    })
    .from(loginTokens)
    .innerJoin(bots, eq(bots.id, loginTokens.botId))
    .innerJoin(workspaces, eq(workspaces.id, loginTokens.workspaceId))
    .innerJoin(contacts, eq(contacts.id, loginTokens.contactId))
    .where(eq(loginTokens.id, row.id));
  return {
    state: stateOf(row),
    workspaceId: row.workspaceId,
    workspaceName: info?.workspaceName ?? "",
    botUsername: info?.botUsername ?? "",
    telegramName: info ? contactDisplayName(info) : "",
    expiresAt: row.expiresAt,
  };
}

/**
 * The bot and Telegram user a login link belongs to (for verifying a login_url redirect). The user is
 * the one in the link's private chat (its chat id is the user's id), not the contact's Telegram id:
 * after a merge by phone the contact may carry another account's id.
 */
export async function loginLinkOwner(db: Executor, token: string) {
  const row = await tokenRow(db, token);
  if (!row) return null;
  const [conversation] = await db
    .select({ chatId: conversations.chatId })
    .from(conversations)
    .where(eq(conversations.id, row.conversationId));
  return { botId: row.botId, telegramUserId: conversation?.chatId ?? null };
}

/**
 * Ends a login link: accepted by a signed-in member of the workspace (the contact is linked to them,
 * the step goes to `success`) or refused (`failure`). Single use: the row is locked and must still be
 * pending and unexpired; everything commits with the engine's reaction, under the chat's lock.
 */
export async function completeLogin(
  db: Db,
  input: { token: string; accept: boolean; userId: string | null },
  env: CoreEnv,
): Promise<LoginState> {
  const found = await tokenRow(db, input.token);
  if (!found) throw notFound("Login link");
  if (input.accept) {
    if (!input.userId) throw forbidden("Sign in first.");
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, found.workspaceId), eq(memberships.userId, input.userId)));
    if (!member) throw forbidden("You are not a member of this bot's workspace, so you can't log in here.");
  }
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, found.conversationId);
    const [row] = await tx.select().from(loginTokens).where(eq(loginTokens.id, found.id)).for("update");
    if (!row) throw notFound("Login link");
    const state = stateOf(row);
    if (state !== "pending") {
      if (state === "expired" && row.status === "pending")
        await tx.update(loginTokens).set({ status: "expired" }).where(eq(loginTokens.id, row.id));
      return state;
    }
    const status = input.accept ? "linked" : "refused";
    await tx
      .update(loginTokens)
      .set({ status, usedAt: sql`now()`, userId: input.accept ? input.userId : null })
      .where(eq(loginTokens.id, row.id));
    if (input.accept) {
      const [contact] = await tx.select().from(contacts).where(eq(contacts.id, row.contactId));
      const target = contact?.mergedIntoId ? await survivorOf(tx, contact) : contact;
      if (target)
        await tx
          .update(contacts)
          .set({ linkedUserId: input.userId, linkedAt: sql`now()` })
          .where(eq(contacts.id, target.id));
    }
    await dispatchEvent(
      tx,
      conversation,
      { type: "login_result", loginId: row.loginId, ok: input.accept },
      env,
    );
    return status;
  });
}
