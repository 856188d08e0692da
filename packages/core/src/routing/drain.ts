import { operatorQueue } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import type { CoreEnv } from "../conversations/dispatch";
import { lockConversation } from "../conversations/open";
import type { Db } from "../db";
import { lockRouting } from "../locks";
import { assignConversation } from "./assign";
import { type PlannedAssignment, planAssignments } from "./plan";
import { activeChatsOfBot, botRouting, routingState } from "./state";

export interface DrainResult {
  assigned: PlannedAssignment[];
  /** Assignments that failed (logged by the caller); the conversation stays waiting. */
  failed: { conversationId: string; error: unknown }[];
}

/**
 * Hands waiting conversations of a workspace to operators, oldest first (plan.ts decides who). Each
 * assignment is its own transaction under the workspace's routing lock, re-checked there (still
 * waiting, still below the maximum), so concurrent drains from several processes never give one
 * conversation twice or overload anyone, and one broken conversation can't block the others.
 */
export async function drainQueue(
  db: Db,
  workspaceId: string,
  env: CoreEnv,
  now = new Date(),
): Promise<DrainResult> {
  const state = await routingState(db, workspaceId, now);
  const plan = planAssignments(state.waiting, state.operators, state.bots, now);
  const result: DrainResult = { assigned: [], failed: [] };
  for (const a of plan) {
    try {
      const done = await db.transaction(async (tx) => {
        await lockRouting(tx, workspaceId);
        const conversation = await lockConversation(tx, a.conversationId, workspaceId);
        const [queued] = await tx
          .select({
            botId: operatorQueue.botId,
            settings: sql<unknown>`(select settings from bots where id = ${operatorQueue.botId})`,
          })
          .from(operatorQueue)
          .where(eq(operatorQueue.conversationId, a.conversationId));
        // Taken, ended or timed out since the plan was made.
        if (!queued || conversation.status !== "operator") return false;
        const max = botRouting(queued.settings).maxParallelChats;
        const active = await activeChatsOfBot(tx, workspaceId, a.userId, queued.botId);
        if (active >= max) return false; // another drain filled the slot first
        await assignConversation(tx, conversation, a.userId, env);
        return true;
      });
      if (done) result.assigned.push(a);
    } catch (error) {
      result.failed.push({ conversationId: a.conversationId, error });
    }
  }
  return result;
}

/** Workspaces with conversations waiting (for the periodic sweep that catches missed notifications). */
export async function workspacesWithWaiting(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ id: operatorQueue.workspaceId }).from(operatorQueue);
  return rows.map((r) => r.id);
}
