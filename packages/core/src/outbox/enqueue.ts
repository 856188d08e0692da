import { type MessageRow, messages, rowFromJson, run, statement } from "@switchboard/db";
import type { PendingStepCounts } from "../analytics/step-count-buffer";
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
  /**
   * Realtime events to emit with the replies, in one statement, before the commit: the caller's own
   * (the message received) go in before dispatchEvent, which adds the replies' (outboxEvent) and sends
   * them all with the new state; what is left when nothing ran, the caller emits itself.
   */
  events: RealtimeEvent[];
  /**
   * Filled by dispatchEvent: the step counts of this dispatch, for the caller to add after its commit
   * (StepCountBuffer) instead of an upsert in the transaction. Absent: written in the transaction.
   */
  stepCounts?: PendingStepCounts[];
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
  const rows = (
    await run(tx, ENQUEUE, [
      conversation.workspaceId,
      conversation.id,
      sendNow !== undefined,
      SEND_LEASE_MS,
      JSON.stringify(
        queued.map(({ call, stepId, senderUserId }, i) => ({
          text: callText(call),
          payload: call,
          step_id: stepId,
          sender_user_id: senderUserId ?? null,
          seq: firstSeq + i,
        })),
      ),
    ])
  )
    .map((row) => rowFromJson(messages, row))
    .sort((a, b) => a.seq - b.seq);
  if (sendNow) {
    sendNow.claimed.push(...rows.filter((r) => r.leasedUntil !== null));
  } else
    await notifyOutbox(tx, {
      botId: conversation.botId,
      conversationId: conversation.id,
      chatId: conversation.chatId,
    });
  // With sendNow the caller emits it (outboxEvent), in the round trip that writes these messages.
  if (!sendNow) await emitRealtime(tx, conversation.workspaceId, outboxEvent(conversation));
  return queued.length;
}

/** What the inbox hears when a conversation's outbox gets messages. */
export const outboxEvent = (conversation: OutboxConversation): RealtimeEvent => ({
  type: "message",
  conversationId: conversation.id,
  botId: conversation.botId,
  direction: "out",
});

/**
 * $1 workspace, $2 conversation, $3 claim them (sendNow), $4 the lease in ms, $5 the messages in order.
 * Claimed (leased, attempt 1) only when nothing older is pending: the check reads the rows committed
 * before this statement, never the ones it inserts. Inserted in seq order, so created_at
 * (clock_timestamp()) increases with seq as well.
 */
const ENQUEUE = statement(`
  with older as (
    select exists (select 1 from messages where conversation_id = $2 and delivery_status = 'pending') as pending
  )
  insert into messages (workspace_id, conversation_id, direction, delivery_status, text, payload, step_id,
    sender_user_id, seq, attempts, leased_until)
  select $1, $2, 'out', 'pending', m.text, m.payload, m.step_id, m.sender_user_id, m.seq,
    case when $3 and not older.pending then 1 else 0 end,
    case when $3 and not older.pending then clock_timestamp() + $4 * interval '1 millisecond' end
  from older, jsonb_to_recordset($5::jsonb)
    as m(text text, payload jsonb, step_id text, sender_user_id text, seq int)
  order by m.seq
  returning *`);
