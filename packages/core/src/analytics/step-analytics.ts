import { flows, flowVersions, REACHED_OUTPUT, stepCounts } from "@switchboard/db";
import type { CompiledFlow } from "@switchboard/flow";
import { and, between, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../db";
import { invalid, notFound } from "../errors";
import { type FlowFigures, flowFigures, type StepCountSum } from "./step-figures";

export interface StepAnalyticsQuery {
  /** A published version's number; absent: the live one (else the latest). */
  version?: number;
  /** First and last UTC day of the period, inclusive ("2026-12-01"). */
  from: string;
  to: string;
}

export interface StepAnalytics extends FlowFigures {
  /** The version the figures are for; null: the flow was never published (no figures). */
  version: number | null;
  from: string;
  to: string;
}

/**
 * Per-step and per-output counts of one published version of a flow over a period, read from
 * `step_counts` (a range scan of that version's days), turned into the canvas' figures.
 */
export async function stepAnalyticsOfFlow(
  db: Executor,
  workspaceId: string,
  flowId: string,
  query: StepAnalyticsQuery,
): Promise<StepAnalytics> {
  if (query.from > query.to) throw invalid("The period starts after it ends.");
  const version = await versionToShow(db, workspaceId, flowId, query.version);
  const period = { from: query.from, to: query.to };
  if (!version) return { version: null, ...period, steps: [], splits: [] };
  const sums = await stepCountSums(db, version.id, period);
  return { version: version.version, ...period, ...flowFigures(version.compiled as CompiledFlow, sums) };
}

/** The period's counters of a version, summed over days, bots and shards. */
export async function stepCountSums(
  db: Executor,
  flowVersionId: string,
  period: { from: string; to: string },
): Promise<StepCountSum[]> {
  const rows = await db
    .select({
      stepId: stepCounts.stepId,
      output: stepCounts.output,
      count: sql<string>`sum(${stepCounts.count})`,
    })
    .from(stepCounts)
    .where(and(eq(stepCounts.flowVersionId, flowVersionId), between(stepCounts.day, period.from, period.to)))
    .groupBy(stepCounts.stepId, stepCounts.output);
  return rows.map((r) => ({
    stepId: r.stepId,
    output: r.output === REACHED_OUTPUT ? null : r.output,
    count: Number(r.count),
  }));
}

async function versionToShow(db: Executor, workspaceId: string, flowId: string, number?: number) {
  const [flow] = await db
    .select({ publishedVersionId: flows.publishedVersionId })
    .from(flows)
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)));
  if (!flow) throw notFound("Flow");
  const columns = { id: flowVersions.id, version: flowVersions.version, compiled: flowVersions.compiled };
  const ofFlow = eq(flowVersions.flowId, flowId);
  if (number !== undefined) {
    const [row] = await db
      .select(columns)
      .from(flowVersions)
      .where(and(ofFlow, eq(flowVersions.version, number)));
    if (!row) throw notFound("Version");
    return row;
  }
  const [row] = await db
    .select(columns)
    .from(flowVersions)
    .where(flow.publishedVersionId ? and(ofFlow, eq(flowVersions.id, flow.publishedVersionId)) : ofFlow)
    .orderBy(desc(flowVersions.version))
    .limit(1);
  return row ?? null;
}
