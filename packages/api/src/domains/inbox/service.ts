import {
  closeConversation,
  operatorQueueOf,
  replyAsOperator,
  returnToBot,
  takeConversation,
} from "@switchboard/core";
import { type ConversationRow, operatorPools } from "@switchboard/db";
import { eq } from "drizzle-orm";
import type { ApiEnv } from "../../context";
import type { ActorScope } from "../../trpc";

/*
 * The operator inbox. Every action runs in the core under the conversation's chat lock; what the flow
 * sends as a result ("connected", "completed", the `returned` branch) is queued in the outbox and
 * delivered by the runtime that runs the bot.
 */

const summary = (c: ConversationRow) => ({
  id: c.id,
  botId: c.botId,
  status: c.status,
  currentStepId: c.currentStepId,
  lastMessageAt: c.lastMessageAt,
});

export async function inboxQueue({ db, actor }: ActorScope) {
  const { waiting, mine } = await operatorQueueOf(db, actor);
  const pools = await db
    .select({ botId: operatorPools.botId })
    .from(operatorPools)
    .where(eq(operatorPools.userId, actor.userId));
  const myBots = new Set(pools.map((p) => p.botId));
  return { waiting: waiting.map((c) => ({ ...c, inMyPool: myBots.has(c.botId) })), mine };
}

export async function take({ db, actor }: ActorScope, env: ApiEnv, conversationId: string) {
  return summary(await takeConversation(db, actor, conversationId, env.core));
}

export function reply({ db, actor }: ActorScope, conversationId: string, text: string) {
  return replyAsOperator(db, actor, conversationId, text);
}

export async function close({ db, actor }: ActorScope, env: ApiEnv, conversationId: string) {
  return summary(await closeConversation(db, actor, conversationId, env.core));
}

export async function handBack(
  { db, actor }: ActorScope,
  env: ApiEnv,
  conversationId: string,
  stepId: string | undefined,
) {
  return summary(await returnToBot(db, actor, conversationId, stepId, env.core));
}
