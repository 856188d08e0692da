import { type ConversationRow, conversations } from "@switchboard/db";
import { initialState } from "@switchboard/flow";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../db";
import { notFound } from "../errors";
import { lockChat } from "../locks";

/** The chat's conversation with a bot, created on first contact: one statement either way. */
export async function openConversation(
  tx: Executor,
  input: { workspaceId: string; botId: string; chatId: number; contactId: string },
): Promise<ConversationRow> {
  const [row] = await tx
    .insert(conversations)
    .values({ ...input, state: initialState() })
    .onConflictDoUpdate({
      target: [conversations.botId, conversations.chatId],
      set: { updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

/**
 * Takes the chat's lock and reads the conversation as it is under it. Every change to a conversation
 * from outside the runtime's update loop (an operator, a timer, a login) starts here.
 */
export async function lockConversation(tx: Executor, conversationId: string, workspaceId?: string) {
  const [head] = await tx
    .select({
      botId: conversations.botId,
      chatId: conversations.chatId,
      workspaceId: conversations.workspaceId,
    })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!head || (workspaceId && head.workspaceId !== workspaceId)) throw notFound("Conversation");
  await lockChat(tx, head.botId, head.chatId);
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, conversationId));
  if (!row) throw notFound("Conversation");
  return row;
}
