import { bots, botVariables } from "@switchboard/db";
import { botVariableKeySchema, botVariableValueSchema, MAX_BOT_VARIABLES } from "@switchboard/flow";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "./actor";
import type { Executor } from "./db";
import { invalid, notFound } from "./errors";

/*
 * Bot variables (Bot settings → Variables): a per-bot table of key → value that templates read as
 * `{{bot.KEY}}`. The core reads them with the bot's behaviour on every update (loadBotBehaviour), so
 * a change applies to the very next message of every runtime, with no cache to invalidate.
 */

const setInput = z.object({
  botId: z.string().uuid(),
  key: botVariableKeySchema,
  value: botVariableValueSchema,
});

async function assertBotOf(db: Executor, workspaceId: string, botId: string) {
  const [row] = await db
    .select({ id: bots.id })
    .from(bots)
    .where(and(eq(bots.id, botId), eq(bots.workspaceId, workspaceId)));
  if (!row) throw notFound("Bot");
}

/** One bot's variables, by key. */
export async function listBotVariables(db: Executor, workspaceId: string, botId: string) {
  await assertBotOf(db, workspaceId, botId);
  return db
    .select({ key: botVariables.key, value: botVariables.value, updatedAt: botVariables.updatedAt })
    .from(botVariables)
    .where(eq(botVariables.botId, botId))
    .orderBy(asc(botVariables.key));
}

/** The variables of every bot of the workspace (the builder's picker and its checks). */
export async function listWorkspaceBotVariables(db: Executor, workspaceId: string) {
  const ids = db.select({ id: bots.id }).from(bots).where(eq(bots.workspaceId, workspaceId));
  return db
    .select({ botId: botVariables.botId, key: botVariables.key, value: botVariables.value })
    .from(botVariables)
    .where(inArray(botVariables.botId, ids))
    .orderBy(asc(botVariables.botId), asc(botVariables.key));
}

/** Adds a variable or changes its value. A bot has at most MAX_BOT_VARIABLES of them. */
export async function setBotVariable(db: Executor, actor: Actor, input: unknown) {
  const parsed = setInput.safeParse(input);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((i) => `${i.path.join(".") || "variable"}: ${i.message}`).join("; "),
    );
  const { botId, key, value } = parsed.data;
  await assertBotOf(db, actor.workspaceId, botId);
  const [existing] = await db
    .select({ key: botVariables.key })
    .from(botVariables)
    .where(and(eq(botVariables.botId, botId), eq(botVariables.key, key)));
  if (!existing) {
    const [{ n } = { n: 0 }] = await db
      .select({ n: count() })
      .from(botVariables)
      .where(eq(botVariables.botId, botId));
    if (n >= MAX_BOT_VARIABLES) throw invalid(`A bot has at most ${MAX_BOT_VARIABLES} variables.`);
  }
  const [row] = await db
    .insert(botVariables)
    .values({ botId, key, value })
    .onConflictDoUpdate({
      target: [botVariables.botId, botVariables.key],
      set: { value, updatedAt: new Date() },
    })
    .returning({ key: botVariables.key, value: botVariables.value, updatedAt: botVariables.updatedAt });
  return row!;
}

export async function removeBotVariable(db: Executor, actor: Actor, botId: string, key: string) {
  await assertBotOf(db, actor.workspaceId, botId);
  const [row] = await db
    .delete(botVariables)
    .where(and(eq(botVariables.botId, botId), eq(botVariables.key, key)))
    .returning({ key: botVariables.key });
  if (!row) throw notFound("Variable");
}

/**
 * The keys the compiler checks `{{bot.KEY}}` against when publishing a flow: those of the bots whose
 * entry flow it is, together. Undefined when no bot runs the flow yet (nothing to check against).
 */
export async function botVariableKeysOfFlow(db: Executor, workspaceId: string, flowId: string) {
  const running = await db
    .select({ id: bots.id })
    .from(bots)
    .where(and(eq(bots.workspaceId, workspaceId), eq(bots.entryFlowId, flowId)));
  if (running.length === 0) return undefined;
  const rows = await db
    .selectDistinct({ key: botVariables.key })
    .from(botVariables)
    .where(
      inArray(
        botVariables.botId,
        running.map((b) => b.id),
      ),
    );
  return rows.map((r) => r.key).sort();
}
