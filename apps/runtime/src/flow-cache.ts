import { type BotSettings, bots, type Db, flows, flowVersions } from "@switchboard/db";
import type { CompiledFlow } from "@switchboard/flow";
import { eq } from "drizzle-orm";

/** Published versions never change, so a compiled flow is read from the database once per process. */
const compiledByVersion = new Map<string, CompiledFlow>();

/**
 * What a bot runs right now: its settings and its entry flow's live version. Read inside each update's
 * transaction (one indexed join), so choosing another flow, publishing or changing a setting applies
 * to the very next update, with no restart and no window where a runtime still uses the old one.
 */
export async function loadBotBehaviour(db: Pick<Db, "select">, botId: string) {
  const [row] = await db
    .select({ settings: bots.settings, versionId: flows.publishedVersionId })
    .from(bots)
    .leftJoin(flows, eq(flows.id, bots.entryFlowId))
    .where(eq(bots.id, botId));
  if (!row) return null;
  const settings = row.settings as BotSettings;
  if (!row.versionId) return { settings, published: null };
  let flow = compiledByVersion.get(row.versionId);
  if (!flow) {
    const [v] = await db
      .select({ compiled: flowVersions.compiled })
      .from(flowVersions)
      .where(eq(flowVersions.id, row.versionId));
    if (!v) return { settings, published: null };
    flow = v.compiled as CompiledFlow;
    compiledByVersion.set(row.versionId, flow);
  }
  return { settings, published: { versionId: row.versionId, flow } };
}
