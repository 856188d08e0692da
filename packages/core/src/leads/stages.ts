import { leadStages } from "@switchboard/db";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../db";

export const DEFAULT_STAGES = [
  { name: "New", kind: "open" },
  { name: "In progress", kind: "open" },
  { name: "Won", kind: "won" },
  { name: "Lost", kind: "lost" },
] as const;

/**
 * The workspace's pipeline, in order. A workspace gets the default stages the first time anything
 * asks (an advisory lock keeps two first askers from creating them twice).
 */
export async function pipelineStages(tx: Executor, workspaceId: string) {
  const read = () =>
    tx
      .select()
      .from(leadStages)
      .where(eq(leadStages.workspaceId, workspaceId))
      .orderBy(asc(leadStages.position));
  const stages = await read();
  if (stages.length) return stages;
  await tx.execute(sql`select pg_advisory_xact_lock(4, hashtext(${workspaceId}))`);
  const again = await read();
  if (again.length) return again;
  return tx
    .insert(leadStages)
    .values(DEFAULT_STAGES.map((s, position) => ({ workspaceId, position, ...s })))
    .returning();
}
