import {
  compileEnvironmentOf,
  DomainError,
  invalid,
  notFound,
  notifyBotChanged,
  preconditionFailed,
  scheduleRunsOfFlow,
  splitCountsOfFlow,
  stepAnalyticsOfFlow,
  syncBotSchedules,
  tooLarge,
  workspaceFlowsOf,
} from "@switchboard/core";
import { bots, flows, flowVersions, user } from "@switchboard/db";
import {
  compileDraft,
  type FlowDocument,
  flowDocumentSchema,
  readFlowFile,
  unstorablePath,
  writeFlowFile,
} from "@switchboard/flow";
import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import type { WorkspaceScope } from "../../trpc";
import type { StepAnalyticsInput } from "./schemas";
import { type FlowTemplate, flowFromTemplate } from "./templates";

/** A stored draft is at most this big (JSON characters); larger ones are refused, not truncated. */
export const MAX_DRAFT_CHARS = 5_000_000;

async function flowRow({ db, workspaceId }: WorkspaceScope, id: string) {
  const [row] = await db
    .select()
    .from(flows)
    .where(and(eq(flows.id, id), eq(flows.workspaceId, workspaceId)));
  if (!row) throw notFound("Flow");
  return row;
}

export async function listFlows({ db, workspaceId }: WorkspaceScope) {
  const rows = await db
    .select({
      id: flows.id,
      name: flows.name,
      updatedAt: flows.updatedAt,
      createdAt: flows.createdAt,
      publishedVersion: flowVersions.version,
    })
    .from(flows)
    .leftJoin(flowVersions, eq(flowVersions.id, flows.publishedVersionId))
    .where(eq(flows.workspaceId, workspaceId))
    .orderBy(desc(flows.updatedAt));
  const botRows = await db
    .select({ id: bots.id, entryFlowId: bots.entryFlowId })
    .from(bots)
    .where(eq(bots.workspaceId, workspaceId));
  return rows.map((r) => ({
    ...r,
    publishedVersion: r.publishedVersion ?? null,
    botIds: botRows.filter((b) => b.entryFlowId === r.id).map((b) => b.id),
  }));
}

export async function createFlow(scope: WorkspaceScope, name: string, template: FlowTemplate = "empty") {
  const [row] = await scope.db
    .insert(flows)
    .values({ workspaceId: scope.workspaceId, name, draft: flowFromTemplate(template) })
    .returning({ id: flows.id });
  return { id: row!.id };
}

/**
 * Whether the stored draft differs from the live version's source, compared by content in Postgres
 * (jsonb equality ignores key order and formatting), never by timestamps: undoing back to what is
 * live, or a rollback, is "no unpublished changes". A flow never published has nothing live to
 * differ from, so this is false for it (the badge says "Not published").
 */
const unpublishedChangesSql = sql<boolean>`coalesce(${flows.draft} <> (select ${flowVersions.source} from ${flowVersions} where ${flowVersions.id} = ${flows.publishedVersionId}), false)`;

export async function getFlow(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .select({
      id: flows.id,
      name: flows.name,
      draft: flows.draft,
      updatedAt: flows.updatedAt,
      publishedVersion: flowVersions.version,
      unpublishedChanges: unpublishedChangesSql,
    })
    .from(flows)
    .leftJoin(flowVersions, eq(flowVersions.id, flows.publishedVersionId))
    .where(and(eq(flows.id, id), eq(flows.workspaceId, scope.workspaceId)));
  if (!row) throw notFound("Flow");
  return { ...row, publishedVersion: row.publishedVersion ?? null };
}

export async function renameFlow(scope: WorkspaceScope, id: string, name: string) {
  await flowRow(scope, id);
  await scope.db
    .update(flows)
    .set({ name })
    .where(and(eq(flows.id, id), eq(flows.workspaceId, scope.workspaceId)));
}

export async function removeFlow(scope: WorkspaceScope, id: string) {
  await flowRow(scope, id);
  const users = await scope.db.select({ username: bots.username }).from(bots).where(eq(bots.entryFlowId, id));
  if (users.length)
    throw preconditionFailed(
      `This flow runs on ${users.map((b) => `@${b.username}`).join(", ")}. Choose another flow for the bot first.`,
    );
  await scope.db.delete(flows).where(and(eq(flows.id, id), eq(flows.workspaceId, scope.workspaceId)));
}

function assertStorable(document: unknown) {
  const path = unstorablePath(document);
  if (path !== null)
    throw invalid(
      `The flow contains a character that can't be saved (a NUL character or half an emoji) at ${path}. Remove it and try again.`,
    );
}

/**
 * Autosave. The draft only has to be a flow document at the top level: half-built steps are kept
 * (a marketer's unfinished work is never thrown away) and reported by the compiler instead.
 */
export async function saveDraft(scope: WorkspaceScope, id: string, draft: unknown) {
  let size: number;
  try {
    size = JSON.stringify(draft ?? null).length;
  } catch (err) {
    // A BigInt (superjson can send one) or nesting too deep to serialize.
    throw invalid(
      `This is not a Switchboard flow document (${err instanceof Error ? err.message : "not JSON"}).`,
    );
  }
  if (size > MAX_DRAFT_CHARS) throw tooLarge(`The flow is too large to save (${size} characters).`);
  const top = flowDocumentSchema.safeParse(draft);
  if (!top.success) throw invalid("This is not a Switchboard flow document.");
  assertStorable(top.data);
  await flowRow(scope, id);
  const [row] = await scope.db
    .update(flows)
    .set({ draft: top.data })
    .where(and(eq(flows.id, id), eq(flows.workspaceId, scope.workspaceId)))
    .returning({ updatedAt: flows.updatedAt, unpublishedChanges: unpublishedChangesSql });
  return {
    updatedAt: row!.updatedAt,
    unpublishedChanges: row!.unpublishedChanges,
    problems: compileDraft(top.data, await compileEnvironment(scope, id)).problems,
  };
}

/**
 * What the workspace's flows are checked against: its custom contact fields, members and pipeline
 * stages. In a transaction: a workspace's first look at its pipeline creates the default stages under
 * a transaction-scoped lock.
 */
function compileEnvironment(scope: WorkspaceScope, flowId?: string) {
  return scope.db.transaction((tx) => compileEnvironmentOf(tx, scope.workspaceId, flowId));
}

export async function validateFlow(scope: WorkspaceScope, id: string) {
  const row = await flowRow(scope, id);
  return compileDraft(row.draft, await compileEnvironment(scope, id)).problems;
}

/** Compiles the draft into the next immutable version and makes it the one bots run. */
export async function publishFlow(scope: WorkspaceScope, id: string, note?: string) {
  await flowRow(scope, id);
  const outcome = await scope.db.transaction(async (tx) => {
    // Serialize concurrent publishes of one flow so version numbers never collide, and compile the
    // draft as it is under the lock, so a slower publish can't make an older draft live.
    const [row] = await tx
      .select({ draft: flows.draft })
      .from(flows)
      .where(and(eq(flows.id, id), eq(flows.workspaceId, scope.workspaceId)))
      .for("update");
    const result = compileDraft(row!.draft, await compileEnvironmentOf(tx, scope.workspaceId, id));
    if (!result.ok) return { ok: false as const, problems: result.problems };
    const [{ current } = { current: 0 }] = await tx
      .select({ current: max(flowVersions.version) })
      .from(flowVersions)
      .where(eq(flowVersions.flowId, id));
    const next = (current ?? 0) + 1;
    const [v] = await tx
      .insert(flowVersions)
      .values({
        flowId: id,
        workspaceId: scope.workspaceId,
        version: next,
        compiled: result.flow,
        source: row!.draft,
        publishedBy: scope.userId,
        note: note?.trim() || null,
      })
      .returning({ id: flowVersions.id });
    await tx.update(flows).set({ publishedVersionId: v!.id }).where(eq(flows.id, id));
    return { ok: true as const, version: next, problems: result.problems };
  });
  if (outcome.ok) await flowWentLive(scope, id);
  return outcome;
}

/**
 * Another version of the flow is live: the bots that run it reload it, and their Schedule steps'
 * pending runs are redone from it.
 */
async function flowWentLive(scope: WorkspaceScope, flowId: string) {
  const rows = await scope.db
    .select({ id: bots.id })
    .from(bots)
    .where(and(eq(bots.entryFlowId, flowId), eq(bots.workspaceId, scope.workspaceId)));
  for (const b of rows) {
    await notifyBotChanged(scope.db, b.id);
    await syncBotSchedules(scope.db, b.id);
  }
}

export async function listVersions(scope: WorkspaceScope, id: string) {
  const row = await flowRow(scope, id);
  const rows = await scope.db
    .select({
      id: flowVersions.id,
      version: flowVersions.version,
      createdAt: flowVersions.createdAt,
      publishedBy: flowVersions.publishedBy,
      note: flowVersions.note,
      // The author's name, not their id (null once the account is deleted).
      publishedByName: user.name,
    })
    .from(flowVersions)
    .leftJoin(user, eq(user.id, flowVersions.publishedBy))
    .where(eq(flowVersions.flowId, id))
    .orderBy(desc(flowVersions.version));
  return rows.map((v) => ({ ...v, live: v.id === row.publishedVersionId }));
}

/** One published version of the flow with its source draft, for the version diff. */
export async function getVersion(scope: WorkspaceScope, id: string, version: number) {
  await flowRow(scope, id);
  const [v] = await scope.db
    .select({
      version: flowVersions.version,
      createdAt: flowVersions.createdAt,
      note: flowVersions.note,
      source: flowVersions.source,
    })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, version)));
  if (!v) throw new DomainError("NOT_FOUND", `Version ${version} does not exist.`);
  return v;
}

/** Makes an earlier version live again and puts its source back into the draft. */
export async function rollbackFlow(scope: WorkspaceScope, id: string, version: number) {
  await flowRow(scope, id);
  const [v] = await scope.db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, version)));
  // Not notFound(): its "<what> not found." would change the message clients know.
  if (!v) throw new DomainError("NOT_FOUND", `Version ${version} does not exist.`);
  await scope.db.update(flows).set({ publishedVersionId: v.id, draft: v.source }).where(eq(flows.id, id));
  await flowWentLive(scope, id);
  return { version };
}

/** The Random split tallies of a flow (another workspace's flow is NOT_FOUND). */
export async function flowSplitCounts(scope: WorkspaceScope, id: string) {
  await flowRow(scope, id);
  return splitCountsOfFlow(scope.db, scope.workspaceId, id);
}

/** Per-step and per-output counts of a published version over a period (another workspace's flow is NOT_FOUND). */
export async function flowStepAnalytics(scope: WorkspaceScope, input: StepAnalyticsInput) {
  const { id, ...query } = input;
  return stepAnalyticsOfFlow(scope.db, scope.workspaceId, id, query);
}

/** Last and next run of each Schedule step, per bot that runs the flow (steps that never had a run are left out). */
export async function flowScheduleRuns(scope: WorkspaceScope, id: string) {
  await flowRow(scope, id);
  const runs = await scheduleRunsOfFlow(scope.db, scope.workspaceId, id);
  const names = await scope.db
    .select({ id: bots.id, username: bots.username })
    .from(bots)
    .where(and(eq(bots.entryFlowId, id), eq(bots.workspaceId, scope.workspaceId)))
    .orderBy(asc(bots.username));
  const usernameOf = new Map(names.map((b) => [b.id, b.username]));
  return runs
    .filter((r) => usernameOf.has(r.botId))
    .map((r) => ({ ...r, botUsername: usernameOf.get(r.botId)! }))
    .sort((a, b) => a.botUsername.localeCompare(b.botUsername) || a.stepId.localeCompare(b.stepId));
}

export async function importFlowJson(scope: WorkspaceScope, json: string, name?: string) {
  const file = readFlowFile(json);
  if (!file.ok) throw invalid(file.message);
  const [row] = await scope.db
    .insert(flows)
    .values({
      workspaceId: scope.workspaceId,
      // The typed name (held to the limits by the input schema), else the file's, else a default.
      name: name?.trim() || file.name || "Imported flow",
      draft: file.document,
    })
    .returning({ id: flows.id });
  return { id: row!.id };
}

export async function exportFlowJson(scope: WorkspaceScope, id: string) {
  const row = await flowRow(scope, id);
  const fileName = `${row.name.replace(/[^\w.-]+/g, "-").replace(/^-|-$/g, "") || "flow"}.switchboard.json`;
  return { fileName, json: writeFlowFile(row.name, row.draft as FlowDocument) };
}

/** The workspace's flows with their live versions' steps, by name: Go to flow's pickers. */
export async function flowTargets(scope: WorkspaceScope) {
  const targets = await workspaceFlowsOf(scope.db, scope.workspaceId);
  return targets.map((t) => ({ ...t, steps: [...t.steps] })).sort((a, b) => a.name.localeCompare(b.name));
}
