import { bots, conversations, splitChoices } from "@switchboard/db";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../db";

/** How many conversations a Random split step of a flow sent down one branch. */
export interface SplitCount {
  stepId: string;
  branchId: string;
  conversations: number;
}

/**
 * The A/B/n tallies of a flow's Random split steps: choices (`split_choices`) of conversations running
 * this flow — those in it through Go to flow (`conversations.flow_id`) or on a bot whose start flow it is.
 */
export async function splitCountsOfFlow(
  db: Executor,
  workspaceId: string,
  flowId: string,
): Promise<SplitCount[]> {
  const rows = await db
    .select({
      stepId: splitChoices.stepId,
      branchId: splitChoices.branchId,
      conversations: sql<number>`count(*)::int`,
    })
    .from(splitChoices)
    .innerJoin(conversations, eq(conversations.id, splitChoices.conversationId))
    .innerJoin(bots, eq(bots.id, conversations.botId))
    .where(
      and(
        eq(bots.workspaceId, workspaceId),
        sql`coalesce(${conversations.flowId}, ${bots.entryFlowId}) = ${flowId}`,
      ),
    )
    .groupBy(splitChoices.stepId, splitChoices.branchId);
  return rows.map((r) => ({ ...r, conversations: Number(r.conversations) }));
}
