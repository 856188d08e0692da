/**
 * The runtime's side of the benchmark in its database: a workspace, the echo flow and the bots (tokens
 * encrypted as the admin stores them). The bare bot needs none of this.
 */
import { randomUUID } from "node:crypto";
import { bots, type createDb, encryptSecret, flows, flowVersions, workspaces } from "@switchboard/db";
import { compileDraft } from "@switchboard/flow";
import { eq } from "drizzle-orm";

type Db = ReturnType<typeof createDb>["db"];

/**
 * Every message gets exactly one reply, its echo: a free-input step asks "echo: <last answer>", keeps the
 * answer and leads back to itself, so the next question is the echo. (A text step before the input would
 * make two messages per answer, since entering a free input sends its question.) The first message of a
 * conversation only enters the step, its reply is "echo: " — the warm-up's /start.
 */
export const ECHO_FLOW = {
  entryStepId: "echo",
  steps: [{ id: "echo", type: "free_input", config: { text: "echo: {{vars.text}}", variable: "text" } }],
  edges: [{ id: "again", source: "echo", sourceHandle: "next", target: "echo" }],
};

/** Creates the workspace and publishes the echo flow; returns what bots need to run it. */
export async function seedEchoWorkspace(db: Db): Promise<{ workspaceId: string; flowId: string }> {
  const [workspace] = await db.insert(workspaces).values({ name: "Throughput bench" }).returning();
  const compiled = compileDraft(ECHO_FLOW);
  if (!compiled.flow) throw new Error(`The echo flow does not compile: ${JSON.stringify(compiled.problems)}`);
  const workspaceId = workspace!.id;
  const [flow] = await db.insert(flows).values({ workspaceId, name: "echo", draft: ECHO_FLOW }).returning();
  const [version] = await db
    .insert(flowVersions)
    .values({ flowId: flow!.id, workspaceId, version: 1, compiled: compiled.flow, source: ECHO_FLOW })
    .returning();
  await db.update(flows).set({ publishedVersionId: version!.id }).where(eq(flows.id, flow!.id));
  return { workspaceId, flowId: flow!.id };
}

/**
 * The only bots a runtime started next will run: earlier runs' bots are switched off, these are added.
 * `settings.messagesPerSecond` lifts the per-bot send limit where the bot setting exists (older code
 * drops the unknown key; RUNTIME_BOT_MESSAGES_PER_SECOND covers it there).
 */
export async function replaceRuntimeBots(
  db: Db,
  workspace: { workspaceId: string; flowId: string },
  list: Array<{ token: string; telegramId: number; username: string }>,
  secretKey: Buffer,
  messagesPerSecond: number,
): Promise<void> {
  await db.update(bots).set({ enabled: false });
  await db.insert(bots).values(
    list.map((bot) => ({
      workspaceId: workspace.workspaceId,
      telegramId: bot.telegramId,
      username: bot.username,
      firstName: "Bench",
      tokenEncrypted: encryptSecret(bot.token, secretKey),
      tokenHint: bot.token.slice(-4),
      webhookSecret: randomUUID().replaceAll("-", ""),
      entryFlowId: workspace.flowId,
      settings: { messagesPerSecond },
    })),
  );
}
