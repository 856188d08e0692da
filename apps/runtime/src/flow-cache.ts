import { type Db, flows, flowVersions } from "@switchboard/db";
import type { CompiledFlow } from "@switchboard/flow";
import { eq } from "drizzle-orm";

/** Published versions never change, so a compiled flow is read from the database once per process. */
const compiledByVersion = new Map<string, CompiledFlow>();

export async function loadPublishedFlow(db: Pick<Db, "select">, flowId: string) {
  const [row] = await db
    .select({ versionId: flows.publishedVersionId })
    .from(flows)
    .where(eq(flows.id, flowId));
  if (!row?.versionId) return null;
  let flow = compiledByVersion.get(row.versionId);
  if (!flow) {
    const [v] = await db
      .select({ compiled: flowVersions.compiled })
      .from(flowVersions)
      .where(eq(flowVersions.id, row.versionId));
    if (!v) return null;
    flow = v.compiled as CompiledFlow;
    compiledByVersion.set(row.versionId, flow);
  }
  return { versionId: row.versionId, flow };
}
