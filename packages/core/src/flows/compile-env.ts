import { flows, memberships } from "@switchboard/db";
import type { CompileEnvironment, EnvironmentFlow } from "@switchboard/flow";
import { eq } from "drizzle-orm";
import { contactFieldDefinitions } from "../contacts/fields";
import type { Executor } from "../db";
import { pipelineStages } from "../leads/stages";
import { compiledVersion } from "./live-flow";

/** What publishing checks a flow against: the workspace's contact fields, members, pipeline and flows. */
export async function compileEnvironmentOf(db: Executor, workspaceId: string): Promise<CompileEnvironment> {
  const [customFields, members, stages, workspaceFlows] = await Promise.all([
    contactFieldDefinitions(db, workspaceId),
    db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.workspaceId, workspaceId)),
    pipelineStages(db, workspaceId),
    workspaceFlowsOf(db, workspaceId),
  ]);
  return {
    customFields,
    memberIds: members.map((m) => m.userId),
    stageIds: stages.map((s) => s.id),
    flows: workspaceFlows,
  };
}

/** The workspace's flows with the steps of their live versions (Go to flow targets). */
export async function workspaceFlowsOf(db: Executor, workspaceId: string): Promise<EnvironmentFlow[]> {
  const rows = await db
    .select({ id: flows.id, name: flows.name, versionId: flows.publishedVersionId })
    .from(flows)
    .where(eq(flows.workspaceId, workspaceId));
  const out: EnvironmentFlow[] = [];
  for (const row of rows) {
    const compiled = row.versionId ? await compiledVersion(db, row.versionId) : null;
    out.push({
      id: row.id,
      name: row.name,
      published: !!compiled,
      steps: compiled ? Object.values(compiled.steps).map((s) => ({ id: s.id, title: s.title })) : [],
    });
  }
  return out;
}
