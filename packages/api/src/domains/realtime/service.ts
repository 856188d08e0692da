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

/** An operator's pools are re-read at least this often (someone left a pool: their events stop). */
const POOLS_MAX_AGE_MS = 30_000;
/** An event of a bot not in the set re-reads them sooner (someone just joined a pool: hear it at once). */
const POOLS_MISS_AGE_MS = 2_000;

/**
 * What a member may see of the feed. Owners and marketers: everything of the workspace. Operators: the
 * conversations of the bots whose pool they are in (and presence); the set is re-read as operators join
 * and leave pools.
 */
export function roleFilter(scope: ActorScope) {
  if (scope.actor.role !== "operator") return async (_e: FeedEvent) => true;
  let bots: Set<string> | null = null;
  let readAt = 0;
  return async (e: FeedEvent) => {
    if (!e.botId) return true;
    const age = Date.now() - readAt;
    if (!bots || age > POOLS_MAX_AGE_MS || (!bots.has(e.botId) && age > POOLS_MISS_AGE_MS)) {
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
