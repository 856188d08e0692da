import {
  bots,
  contacts,
  conversationAssignments,
  conversations,
  memberships,
  operatorPools,
  operatorPresence,
  operatorQueue,
} from "@switchboard/db";
import { and, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { parseBotSettings } from "../bot-settings";
import type { Executor } from "../db";
import type { BotRouting, OperatorState, WaitingConversation } from "./plan";
import { effectivePresence } from "./presence";

/** Open conversations per operator and bot in a workspace: the load routing balances and the maximums cap. */
export async function activeChats(tx: Executor, workspaceId: string, userId?: string) {
  const rows = await tx
    .select({
      userId: conversationAssignments.operatorUserId,
      botId: conversations.botId,
      n: sql<number>`count(*)::int`,
    })
    .from(conversationAssignments)
    .innerJoin(conversations, eq(conversations.id, conversationAssignments.conversationId))
    .where(
      and(
        eq(conversationAssignments.workspaceId, workspaceId),
        isNull(conversationAssignments.endedAt),
        userId ? eq(conversationAssignments.operatorUserId, userId) : undefined,
      ),
    )
    .groupBy(conversationAssignments.operatorUserId, conversations.botId);
  const byUser = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = byUser.get(r.userId) ?? new Map<string, number>();
    m.set(r.botId, r.n);
    byUser.set(r.userId, m);
  }
  return byUser;
}

/** How many open conversations of `botId` the operator has. */
export async function activeChatsOfBot(tx: Executor, workspaceId: string, userId: string, botId: string) {
  return (await activeChats(tx, workspaceId, userId)).get(userId)?.get(botId) ?? 0;
}

/** The bot's routing settings (maximum parallel chats, only my clients). */
export function botRouting(settings: unknown): BotRouting {
  const { operator } = parseBotSettings(settings);
  return { maxParallelChats: operator.maxParallelChats, onlyMyClients: operator.onlyMyClients };
}

/** Everything the routing plan needs about a workspace, read in one go. */
export async function routingState(tx: Executor, workspaceId: string, now: Date) {
  const waiting: WaitingConversation[] = await tx
    .select({
      conversationId: operatorQueue.conversationId,
      botId: operatorQueue.botId,
      waitingSince: operatorQueue.waitingSince,
      contactOwnerId: contacts.ownerUserId,
    })
    .from(operatorQueue)
    .innerJoin(conversations, eq(conversations.id, operatorQueue.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(operatorQueue.workspaceId, workspaceId));
  if (waiting.length === 0)
    return { waiting, operators: [] as OperatorState[], bots: new Map<string, BotRouting>() };

  const botIds = [...new Set(waiting.map((w) => w.botId))];
  const botRows = await tx
    .select({ id: bots.id, settings: bots.settings })
    .from(bots)
    .where(inArray(bots.id, botIds));
  const pools = await tx
    .select({ botId: operatorPools.botId, userId: operatorPools.userId })
    .from(operatorPools)
    // Only current members count: someone removed from the workspace leaves its pools.
    .innerJoin(
      memberships,
      and(eq(memberships.userId, operatorPools.userId), eq(memberships.workspaceId, workspaceId)),
    )
    .where(inArray(operatorPools.botId, botIds));
  const presence = await tx
    .select()
    .from(operatorPresence)
    .where(eq(operatorPresence.workspaceId, workspaceId));
  const active = await activeChats(tx, workspaceId);
  const lastAssigned = await tx
    .select({ userId: conversationAssignments.operatorUserId, at: max(conversationAssignments.assignedAt) })
    .from(conversationAssignments)
    .where(eq(conversationAssignments.workspaceId, workspaceId))
    .groupBy(conversationAssignments.operatorUserId);

  const byUser = new Map<string, OperatorState>();
  for (const p of pools) {
    const state = byUser.get(p.userId) ?? {
      userId: p.userId,
      online:
        effectivePresence(
          presence.find((x) => x.userId === p.userId),
          now,
        ) === "online",
      botIds: new Set<string>(),
      activeChats: [...(active.get(p.userId)?.values() ?? [])].reduce((a, b) => a + b, 0),
      activeByBot: active.get(p.userId) ?? new Map<string, number>(),
      lastAssignedAt: lastAssigned.find((x) => x.userId === p.userId)?.at ?? null,
    };
    (state.botIds as Set<string>).add(p.botId);
    byUser.set(p.userId, state);
  }
  return {
    waiting,
    operators: [...byUser.values()],
    bots: new Map(botRows.map((b) => [b.id, botRouting(b.settings)])),
  };
}
