import { messages } from "@switchboard/db";
import type { Executor } from "../db";
import { notifyOutbox } from "../notify";
import { emitRealtime } from "../realtime/emit";
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
 * The outbox protocol: outgoing messages are written as `pending` in the same transaction (and under
 * the chat's lock) as the change that produced them, in order, and the runtimes are woken at commit.
 * The runtime that runs the bot sends them, oldest first, exactly in this order. `firstSeq` continues
 * after an inbound message written in the same transaction (seq 0).
 */
export async function enqueueOutgoing(
  tx: Executor,
  conversation: OutboxConversation,
  queued: QueuedCall[],
  firstSeq = 1,
): Promise<number> {
  if (queued.length === 0) return 0;
  await tx.insert(messages).values(
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
    })),
  );
  await notifyOutbox(tx, {
    botId: conversation.botId,
    conversationId: conversation.id,
    chatId: conversation.chatId,
  });
  await emitRealtime(tx, conversation.workspaceId, {
    type: "message",
    conversationId: conversation.id,
    botId: conversation.botId,
    direction: "out",
  });
  return queued.length;
}
