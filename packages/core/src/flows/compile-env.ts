import { memberships } from "@switchboard/db";
import type { CompileEnvironment } from "@switchboard/flow";
import { eq } from "drizzle-orm";
import { contactFieldDefinitions } from "../contacts/fields";
import type { Executor } from "../db";
import { pipelineStages } from "../leads/stages";

/** What publishing checks a flow against: the workspace's contact fields, members and pipeline. */
export async function compileEnvironmentOf(db: Executor, workspaceId: string): Promise<CompileEnvironment> {
  const [customFields, members, stages] = await Promise.all([
    contactFieldDefinitions(db, workspaceId),
    db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.workspaceId, workspaceId)),
    pipelineStages(db, workspaceId),
  ]);
  return { customFields, memberIds: members.map((m) => m.userId), stageIds: stages.map((s) => s.id) };
}
