import { operatorPools, realtimeEvents } from "@switchboard/db";
import { and, asc, eq, gt, max } from "drizzle-orm";
import type { ActorScope } from "../../trpc";

export interface FeedEvent {
  id: number;
  type: string;
  conversationId: string | null;
  botId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** The newest event id of the workspace: where a fresh subscription starts. */
export async function latestEventId({ db, workspaceId }: ActorScope) {
  const [row] = await db
    .select({ id: max(realtimeEvents.id) })
    .from(realtimeEvents)
    .where(eq(realtimeEvents.workspaceId, workspaceId));
  return row?.id ?? 0;
}

export async function eventsAfter(
  { db, workspaceId }: ActorScope,
  afterId: number,
  limit: number,
): Promise<FeedEvent[]> {
  return db
    .select({
      id: realtimeEvents.id,
      type: realtimeEvents.type,
      conversationId: realtimeEvents.conversationId,
      botId: realtimeEvents.botId,
      payload: realtimeEvents.payload,
      createdAt: realtimeEvents.createdAt,
    })
    .from(realtimeEvents)
    .where(and(eq(realtimeEvents.workspaceId, workspaceId), gt(realtimeEvents.id, afterId)))
    .orderBy(asc(realtimeEvents.id))
    .limit(limit);
}

/**
 * What a member may see of the feed. Owners and marketers: everything of the workspace. Operators: the
 * conversations of the bots whose pool they are in (and presence); the set is re-read now and then, as
 * operators join and leave pools.
 */
export function roleFilter(scope: ActorScope) {
  if (scope.actor.role !== "operator") return async (_e: FeedEvent) => true;
  let bots: Set<string> | null = null;
  let readAt = 0;
  return async (e: FeedEvent) => {
    if (!e.botId) return true;
    if (!bots || Date.now() - readAt > 30_000) {
      const rows = await scope.db
        .select({ botId: operatorPools.botId })
        .from(operatorPools)
        .where(eq(operatorPools.userId, scope.userId));
      bots = new Set(rows.map((r) => r.botId));
      readAt = Date.now();
    }
    return bots.has(e.botId);
  };
}
