import { batchRows, conversations, type MessageRow, messages, run, statement } from "@switchboard/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "../db";
import { lockChat } from "../locks";

/** How long a claimed message belongs to the process sending it; after that (a crash) anyone may retry. */
export const SEND_LEASE_MS = 30_000;

export type Claim = { kind: "claimed"; msg: MessageRow } | { kind: "done" } | { kind: "wait"; ms: number };

/**
 * The delivery side of the outbox protocol: the conversation's oldest pending message is claimed
 * under the chat's lock with a lease, so two runtimes never send one message twice or out of order;
 * the caller sends it holding no connection, then records the outcome below.
 */
export async function claimNextMessage(
  db: Db,
  conversation: { botId: string; chatId: number; id: string },
  maxWaitMs: number,
): Promise<Claim> {
  return db.transaction(async (tx) => {
    await lockChat(tx, conversation.botId, conversation.chatId);
    const [msg] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.deliveryStatus, "pending")))
      .orderBy(asc(messages.createdAt), asc(messages.seq))
      .limit(1);
    if (!msg) return { kind: "done" as const };
    const now = Date.now();
    // Another runtime is sending it: that runtime carries on with the rest of the chat.
    if (msg.leasedUntil && msg.leasedUntil.getTime() > now) return { kind: "done" as const };
    // Backing off after an error: the chat's order forbids sending anything after it meanwhile.
    if (msg.notBefore && msg.notBefore.getTime() > now)
      return { kind: "wait" as const, ms: Math.min(msg.notBefore.getTime() - now, maxWaitMs) };
    const attempts = msg.attempts + 1;
    await tx
      .update(messages)
      .set({ attempts, leasedUntil: new Date(now + SEND_LEASE_MS) })
      .where(eq(messages.id, msg.id));
    return { kind: "claimed" as const, msg: { ...msg, attempts } };
  });
}

/** The common case, one autocommit statement: the lease makes this message ours alone. */
export async function recordSent(db: Executor, messageId: string, telegramMessageId: number) {
  await db
    .update(messages)
    .set({
      deliveryStatus: "sent",
      telegramMessageId,
      sentAt: new Date(),
      leasedUntil: null,
      error: null,
    })
    .where(eq(messages.id, messageId));
}

/**
 * Many sent messages recorded in one statement (one commit for a burst of sends across chats). For
 * each, whether its conversation still has another pending message: the sender then carries on
 * with the claim protocol (an operator's reply or a timer's message queued meanwhile), and otherwise
 * needs no further look.
 */
export async function recordSentMany(
  db: Executor,
  sent: { messageId: string; telegramMessageId: number }[],
): Promise<Map<string, { morePending: boolean }>> {
  if (sent.length === 0) return new Map();
  const rowsIn = JSON.stringify(sent.map((s) => ({ id: s.messageId, telegram_id: s.telegramMessageId })));
  const rows = await run(db, RECORD_SENT, [rowsIn]);
  return new Map(rows.map((r) => [r.id, { morePending: r.more }]));
}

/** $1 the sent messages as a JSON array (id, telegram_id); a fixed text, prepared once (statement.ts). */
const RECORD_SENT = statement<{ id: string; more: boolean }>(`
  update messages m
  set delivery_status = 'sent', telegram_message_id = v.telegram_id, sent_at = now(), leased_until = null, error = null
  from ${batchRows("$1", "v", "id uuid, telegram_id int")}
  where m.id = v.id
  returning m.id, exists (
    select 1 from messages p
    where p.conversation_id = m.conversation_id and p.delivery_status = 'pending' and p.id <> m.id
  ) as more`);

/** Claimed messages handed back unsent (the sender stops, or leaves them to the claim protocol). */
export async function releaseMessages(db: Executor, messageIds: string[]) {
  if (messageIds.length === 0) return;
  await db.execute(
    sql`update ${messages} set leased_until = null
        where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(messageIds)}::jsonb))
          and delivery_status = 'pending'`,
  );
}

/** Not before `ms` from now, whichever process sends it (Telegram's retry_after, or backoff). */
export async function retryMessageLater(tx: Executor, messageId: string, ms: number) {
  await tx
    .update(messages)
    .set({ leasedUntil: null, notBefore: new Date(Date.now() + ms) })
    .where(eq(messages.id, messageId));
}

/** A permanent refusal of this one message (bad markup, chat not found…). */
export async function failMessage(tx: Executor, messageId: string, error: string) {
  await tx
    .update(messages)
    .set({ leasedUntil: null, deliveryStatus: "failed", error: error.slice(0, 2000) })
    .where(eq(messages.id, messageId));
}

/** Left pending, lease cleared: for when the bot works again (a revoked token is replaced). */
export async function releaseMessage(tx: Executor, messageId: string) {
  await tx.update(messages).set({ leasedUntil: null }).where(eq(messages.id, messageId));
}

/** Telegram answered 403: the user blocked the bot. Nothing more can reach them. */
export async function markConversationBlocked(tx: Executor, conversationId: string, reason: string) {
  await tx
    .update(messages)
    .set({ deliveryStatus: "failed", error: reason.slice(0, 2000), leasedUntil: null })
    .where(and(eq(messages.conversationId, conversationId), eq(messages.deliveryStatus, "pending")));
  await tx.update(conversations).set({ status: "blocked" }).where(eq(conversations.id, conversationId));
}

/** Conversations of a bot with messages left pending (a crash between commit and send, a backoff). */
export async function conversationsWithPendingMessages(db: Executor, botId: string) {
  return db
    .selectDistinct({ id: conversations.id, chatId: conversations.chatId })
    .from(conversations)
    .innerJoin(
      messages,
      and(eq(messages.conversationId, conversations.id), eq(messages.deliveryStatus, "pending")),
    )
    .where(eq(conversations.botId, botId));
}
