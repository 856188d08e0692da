import { flowVersions } from "@switchboard/db";
import { type LabelledStep, stepLabelIn } from "@switchboard/flow";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../db";

/**
 * The steps of a published version as people name them (id, type, title only: the configs can be
 * large). Unknown or null version: no steps, so every step reads as removed.
 */
export async function labelledStepsOfVersion(
  db: Executor,
  versionId: string | null,
): Promise<Record<string, LabelledStep>> {
  if (!versionId) return {};
  const [row] = await db
    .select({
      steps: sql<Record<string, LabelledStep> | null>`(
        select jsonb_object_agg(s.key, jsonb_build_object('id', s.key, 'type', s.value->>'type', 'title', coalesce(s.value->>'title', '')))
        from jsonb_each(${flowVersions.compiled}->'steps') s
      )`,
    })
    .from(flowVersions)
    .where(eq(flowVersions.id, versionId));
  return row?.steps ?? {};
}

/** A labeller of step ids for one conversation's messages: the title (or type and short id) in its version. */
export async function stepLabellerOfVersion(db: Executor, versionId: string | null) {
  const steps = await labelledStepsOfVersion(db, versionId);
  return (stepId: string | null) => (stepId ? stepLabelIn(steps, stepId) : null);
}
