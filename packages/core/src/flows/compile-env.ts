import { memberships } from "@switchboard/db";
import type { CompileEnvironment } from "@switchboard/flow";
import { eq } from "drizzle-orm";
import { botVariableKeysOfFlow } from "../bot-variables";
import { contactFieldDefinitions } from "../contacts/fields";
import type { Executor } from "../db";
import { pipelineStages } from "../leads/stages";

/**
 * What publishing checks a flow against: the workspace's contact fields, members and pipeline, and
 * (given the flow) the variables of the bots that run it.
 */
export async function compileEnvironmentOf(
  db: Executor,
  workspaceId: string,
  flowId?: string,
): Promise<CompileEnvironment> {
  const [customFields, members, stages, botVariableKeys] = await Promise.all([
    contactFieldDefinitions(db, workspaceId),
    db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.workspaceId, workspaceId)),
    pipelineStages(db, workspaceId),
    flowId ? botVariableKeysOfFlow(db, workspaceId, flowId) : undefined,
  ]);
  return {
    customFields,
    memberIds: members.map((m) => m.userId),
    stageIds: stages.map((s) => s.id),
    ...(botVariableKeys ? { botVariableKeys } : {}),
  };
}
