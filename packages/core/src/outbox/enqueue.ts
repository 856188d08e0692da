import { batchRows, type MessageRow, messages, rowFromJson, run, statement } from "@switchboard/db";
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
  const rows = await run(tx, ENQUEUE, enqueueParams([{ conversation, queued, firstSeq, claim: !!sendNow }]));
  if (sendNow) sendNow.claimed.push(...claimedOf(rows));
  else
    await notifyOutbox(tx, {
      botId: conversation.botId,
      conversationId: conversation.id,
      chatId: conversation.chatId,
    });
  // With sendNow the caller emits it (outboxEvent), in the round trip that writes these messages.
  if (!sendNow) await emitRealtime(tx, conversation.workspaceId, outboxEvent(conversation));
  return queued.length;
}

/** One conversation's new outgoing messages, for ENQUEUE (several conversations go in one statement). */
export interface OutboxWrite {
  conversation: OutboxConversation;
  queued: QueuedCall[];
  /** The first message's seq (after an inbound message of the same transaction: 1). */
  firstSeq: number;
  /** Written already claimed when nothing older is pending (the caller sends them: `sendNow`). */
  claim: boolean;
}

/** ENQUEUE's parameters for the writes. */
export function enqueueParams(writes: readonly OutboxWrite[]): unknown[] {
  return [
    SEND_LEASE_MS,
    JSON.stringify(
      writes.flatMap(({ conversation, queued, firstSeq, claim }) =>
        queued.map(({ call, stepId, senderUserId }, i) => ({
          workspace_id: conversation.workspaceId,
          conversation_id: conversation.id,
          claim,
          text: callText(call),
          payload: call,
          step_id: stepId,
          sender_user_id: senderUserId ?? null,
          seq: firstSeq + i,
        })),
      ),
    ),
  ];
}

/** The messages ENQUEUE wrote already claimed, in order (by conversation, then seq). */
export function claimedOf(rows: readonly Record<string, unknown>[]): MessageRow[] {
  return rows
    .map((row) => rowFromJson(messages, row))
    .filter((r) => r.leasedUntil !== null)
    .sort((a, b) =>
      a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : a.seq - b.seq,
    );
}

/** What the inbox hears when a conversation's outbox gets messages. */
export const outboxEvent = (conversation: OutboxConversation): RealtimeEvent => ({
  type: "message",
  conversationId: conversation.id,
  botId: conversation.botId,
  direction: "out",
});

/**
 * $1 the lease in ms, $2 the messages (workspace_id, conversation_id, claim, text, payload, step_id,
 * sender_user_id, seq) of one or more conversations. A conversation's messages are claimed (leased,
 * attempt 1) only when asked and nothing older of it is pending: the check reads the rows committed
 * before this statement, never the ones it inserts. Inserted in seq order per conversation, so
 * created_at (clock_timestamp()) increases with seq as well.
 */
export const ENQUEUE = statement(`
  with m as (
    select m.* from ${batchRows(
      "$2",
      "m",
      `workspace_id uuid, conversation_id uuid, claim boolean, text text, payload jsonb, step_id text,
      sender_user_id text, seq int`,
    )}
  ),
  older as (
    select c.conversation_id, exists (
      select 1 from messages x where x.conversation_id = c.conversation_id and x.delivery_status = 'pending'
    ) as pending
    from (select distinct conversation_id from m) c
  )
  insert into messages (workspace_id, conversation_id, direction, delivery_status, text, payload, step_id,
    sender_user_id, seq, attempts, leased_until)
  select m.workspace_id, m.conversation_id, 'out', 'pending', m.text, m.payload, m.step_id, m.sender_user_id, m.seq,
    case when m.claim and not older.pending then 1 else 0 end,
    case when m.claim and not older.pending then clock_timestamp() + $1 * interval '1 millisecond' end
  from m join older on older.conversation_id = m.conversation_id
  order by m.conversation_id, m.seq
  returning *`);
