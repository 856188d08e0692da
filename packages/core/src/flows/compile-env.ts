import { flows, memberships, workspaceSecrets } from "@switchboard/db";
import type { CompiledFlow, CompileEnvironment, EnvironmentFlow } from "@switchboard/flow";
import { eq } from "drizzle-orm";
import { botVariableKeysOfFlow } from "../bot-variables";
import { contactFieldDefinitions } from "../contacts/fields";
import type { Executor } from "../db";
import { pipelineStages } from "../leads/stages";
import { compiledVersion } from "./live-flow";

/**
 * What publishing checks a flow against: the workspace's contact fields, members, pipeline, flows and secret
 * names, and
 * (given the flow) the variables of the bots that run it.
 */
export async function compileEnvironmentOf(
  db: Executor,
  workspaceId: string,
  flowId?: string,
): Promise<CompileEnvironment> {
  const [customFields, members, stages, workspaceFlows, botVariableKeys, secrets] = await Promise.all([
    contactFieldDefinitions(db, workspaceId),
    db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.workspaceId, workspaceId)),
    pipelineStages(db, workspaceId),
    workspaceFlowsOf(db, workspaceId),
    flowId ? botVariableKeysOfFlow(db, workspaceId, flowId) : undefined,
    db
      .select({ name: workspaceSecrets.name })
      .from(workspaceSecrets)
      .where(eq(workspaceSecrets.workspaceId, workspaceId)),
  ]);
  return {
    customFields,
    memberIds: members.map((m) => m.userId),
    stageIds: stages.map((s) => s.id),
    flows: workspaceFlows,
    secretNames: secrets.map((s) => s.name),
    ...(botVariableKeys ? { botVariableKeys } : {}),
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
      steps: compiled ? stepsOf(compiled) : [],
    });
  }
  return out;
}

/** The start step first, then the others by title (or id): jsonb keeps no key order. */
function stepsOf(compiled: CompiledFlow) {
  const name = (s: { id: string; title: string }) => (s.title || s.id).toLowerCase();
  return Object.values(compiled.steps)
    .map((s) => ({ id: s.id, title: s.title }))
    .sort((a, b) =>
      a.id === compiled.entryStepId ? -1 : b.id === compiled.entryStepId ? 1 : name(a).localeCompare(name(b)),
    );
}
