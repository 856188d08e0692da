import { type MessageRow, messages } from "@switchboard/db";
import { sql } from "drizzle-orm";
import type { Executor } from "../db";
import { notifyOutbox } from "../notify";
import { emitRealtime, type RealtimeEvent } from "../realtime/emit";
import { SEND_LEASE_MS } from "./delivery-store";
import { callText, type OutboundCall } from "./telegram-calls";

export interface OutboxConversation {
  id: string;
  workspaceId: string;
  botId: string;
  chatId: number;
}

export interface QueuedCall {
  call: OutboundCall;
  /** The flow step that sent it (null: an operator or the system). */
  stepId: string | null;
  /** The member who wrote it in the inbox. */
  senderUserId?: string | null;
}

/**
 * Where a caller that sends the outbox itself right after its commit (the runtime processing an
 * update) collects what it may send: the messages this transaction wrote, already claimed for it.
 */
export interface SendNow {
  /** Filled by enqueueOutgoing: claimed messages, in order. Empty: deliver through the claim protocol. */
  claimed: MessageRow[];
  /** Realtime events the caller emits together with its own, in one statement, before its commit. */
  events: RealtimeEvent[];
}

/**
 * The outbox protocol: outgoing messages are written as `pending` in the same transaction (and under
 * the chat's lock) as the change that produced them, in order, and the runtimes are woken at commit.
 * The runtime that runs the bot sends them, oldest first, exactly in this order. `firstSeq` continues
 * after an inbound message written in the same transaction (seq 0).
 *
 * `sendNow`: the caller delivers this conversation's outbox itself after the commit, so nobody is
 * woken, and — when nothing older is pending (the chat's order allows it) — the new messages are
 * written already claimed (leased, attempt 1), as claimNextMessage would claim them: the caller sends
 * them with no claim transaction. If it dies first, the lease expires and any runtime sends them.
 */
export async function enqueueOutgoing(
  tx: Executor,
  conversation: OutboxConversation,
  queued: QueuedCall[],
  firstSeq = 1,
  sendNow?: SendNow,
): Promise<number> {
  if (queued.length === 0) return 0;
  // One statement: the check reads the rows committed before it, never the ones it inserts.
  const nothingOlder = sql`not exists (select 1 from ${messages} where ${messages.conversationId} = ${conversation.id} and ${messages.deliveryStatus} = 'pending')`;
  const rows = await tx
    .insert(messages)
    .values(
      queued.map(({ call, stepId, senderUserId }, i) => ({
        workspaceId: conversation.workspaceId,
        conversationId: conversation.id,
        direction: "out" as const,
        deliveryStatus: "pending" as const,
        text: callText(call),
        payload: call,
        stepId,
        senderUserId: senderUserId ?? null,
        seq: firstSeq + i,
        ...(sendNow
          ? {
              attempts: sql`case when ${nothingOlder} then 1 else 0 end`,
              leasedUntil: sql`case when ${nothingOlder} then clock_timestamp() + ${SEND_LEASE_MS} * interval '1 millisecond' end`,
            }
          : {}),
      })),
    )
    .returning();
  if (sendNow) {
    sendNow.claimed.push(...rows.filter((r) => r.leasedUntil !== null));
  } else
    await notifyOutbox(tx, {
      botId: conversation.botId,
      conversationId: conversation.id,
      chatId: conversation.chatId,
    });
  const event: RealtimeEvent = {
    type: "message",
    conversationId: conversation.id,
    botId: conversation.botId,
    direction: "out",
  };
  if (sendNow) sendNow.events.push(event);
  else await emitRealtime(tx, conversation.workspaceId, event);
  return queued.length;
}
