import { type ContactRow, type LeadRow, leads, memberships } from "@switchboard/db";
import type { LeadOwner } from "@switchboard/flow";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db";
import { pipelineStages } from "./stages";

export interface LeadFromFlow {
  contact: ContactRow;
  title: string;
  owner: LeadOwner;
  stageId: string | null;
  tags: string[];
  botId: string;
  flowId: string | null;
  stepId: string;
  conversationId: string;
}

/** A member of the workspace, or null (an owner removed since the flow was published). */
async function memberOrNull(tx: Executor, workspaceId: string, userId: string | null) {
  if (!userId) return null;
  const [m] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return m?.userId ?? null;
}

/**
 * A Create-lead step's lead, in the transaction of the event that reached the step (so it exists
 * exactly once). A stage or owner that no longer exists falls back to the first stage / no owner.
 */
export async function createLeadFromFlow(tx: Executor, input: LeadFromFlow): Promise<LeadRow> {
  const workspaceId = input.contact.workspaceId;
  const stages = await pipelineStages(tx, workspaceId);
  const stage = stages.find((s) => s.id === input.stageId) ?? stages[0]!;
  const wanted =
    input.owner.kind === "member"
      ? input.owner.userId
      : input.owner.kind === "contact_owner"
        ? input.contact.ownerUserId
        : null;
  const [lead] = await tx
    .insert(leads)
    .values({
      workspaceId,
      contactId: input.contact.id,
      title: input.title.slice(0, 200),
      ownerUserId: await memberOrNull(tx, workspaceId, wanted),
      stageId: stage.id,
      tags: input.tags,
      source: "flow",
      botId: input.botId,
      flowId: input.flowId,
      stepId: input.stepId,
      conversationId: input.conversationId,
    })
    .returning();
  return lead!;
}
