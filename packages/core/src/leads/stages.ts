import { leadStages } from "@switchboard/db";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../db";

export const DEFAULT_STAGES = [
  { name: "New", kind: "open" },
  { name: "In progress", kind: "open" },
  { name: "Won", kind: "won" },
  { name: "Lost", kind: "lost" },
] as const;

/**
 * The workspace's pipeline, in order. A workspace gets the default stages the first time anything
 * asks; two first askers at once can't duplicate them (one stage per position, unique).
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
  await tx
    .insert(leadStages)
    .values(DEFAULT_STAGES.map((s, position) => ({ workspaceId, position, ...s })))
    .onConflictDoNothing();
  return read();
}
