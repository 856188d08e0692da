import { randomBytes } from "node:crypto";
import { conflict, notFound } from "@switchboard/core";
import {
  type BotSettings,
  bots,
  type Db,
  defaultBotSettings,
  encryptSecret,
  flows,
  tokenHint,
} from "@switchboard/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { ApiEnv } from "../../context";
import type { WorkspaceScope } from "../../trpc";
import type { UpdateBotInput } from "./schemas";
import { fetchBotIdentity } from "./telegram-identity";

/** What the browser may see of a bot: never the token. */
const publicColumns = {
  id: bots.id,
  username: bots.username,
  firstName: bots.firstName,
  telegramId: bots.telegramId,
  enabled: bots.enabled,
  status: bots.status,
  lastError: bots.lastError,
  lastErrorAt: bots.lastErrorAt,
  deliveryMode: bots.deliveryMode,
  tokenHint: bots.tokenHint,
  entryFlowId: bots.entryFlowId,
  settings: bots.settings,
  createdAt: bots.createdAt,
  updatedAt: bots.updatedAt,
};

const toPublicBot = <T extends { settings: BotSettings }>(row: T) => ({
  ...row,
  waitForStart: row.settings.waitForStart,
});

/** Tells running runtimes to reload this bot now instead of at their next periodic check. */
export async function notifyBotChanged(db: Db, botId: string) {
  await db.execute(sql`select pg_notify('switchboard_bots', ${botId})`);
}

export async function listBots({ db, workspaceId }: WorkspaceScope) {
  const rows = await db
    .select(publicColumns)
    .from(bots)
    .where(eq(bots.workspaceId, workspaceId))
    .orderBy(desc(bots.createdAt));
  return rows.map(toPublicBot);
}

export async function getBot({ db, workspaceId }: WorkspaceScope, id: string) {
  const [row] = await db
    .select(publicColumns)
    .from(bots)
    .where(and(eq(bots.id, id), eq(bots.workspaceId, workspaceId)));
  if (!row) throw notFound("Bot");
  return toPublicBot(row);
}

export async function connectBot(scope: WorkspaceScope, env: ApiEnv, rawToken: string) {
  const token = rawToken.trim();
  const identity = await fetchBotIdentity(env.telegramApiRoot, token);
  const [existing] = await scope.db
    .select({ id: bots.id, workspaceId: bots.workspaceId })
    .from(bots)
    .where(eq(bots.telegramId, identity.id));
  if (existing && existing.workspaceId !== scope.workspaceId)
    throw conflict(`@${identity.username} is already connected to another workspace.`);
  const values = {
    username: identity.username,
    firstName: identity.firstName,
    tokenEncrypted: encryptSecret(token, env.secretKey),
    tokenHint: tokenHint(token),
    status: "active" as const,
    lastError: null,
    lastErrorAt: null,
    enabled: true,
  };
  let id: string;
  if (existing) {
    // Reconnecting (e.g. after revoking the token in BotFather) keeps the bot's flows and history.
    await scope.db.update(bots).set(values).where(eq(bots.id, existing.id));
    id = existing.id;
  } else {
    const [row] = await scope.db
      .insert(bots)
      .values({
        ...values,
        workspaceId: scope.workspaceId,
        telegramId: identity.id,
        webhookSecret: randomBytes(24).toString("base64url"),
        settings: defaultBotSettings,
      })
      .returning({ id: bots.id });
    id = row!.id;
  }
  await notifyBotChanged(scope.db, id);
  return getBot(scope, id);
}

export async function updateBot(scope: WorkspaceScope, input: UpdateBotInput) {
  const bot = await getBot(scope, input.id);
  if (input.entryFlowId) {
    const [flow] = await scope.db
      .select({ id: flows.id })
      .from(flows)
      .where(and(eq(flows.id, input.entryFlowId), eq(flows.workspaceId, scope.workspaceId)));
    if (!flow) throw notFound("Flow");
  }
  await scope.db
    .update(bots)
    .set({
      ...(input.entryFlowId !== undefined ? { entryFlowId: input.entryFlowId } : {}),
      ...(input.deliveryMode ? { deliveryMode: input.deliveryMode } : {}),
      ...(input.enabled !== undefined
        ? { enabled: input.enabled, status: input.enabled ? ("active" as const) : ("disabled" as const) }
        : {}),
      ...(input.waitForStart !== undefined
        ? { settings: { ...bot.settings, waitForStart: input.waitForStart } }
        : {}),
    })
    .where(and(eq(bots.id, input.id), eq(bots.workspaceId, scope.workspaceId)));
  await notifyBotChanged(scope.db, input.id);
  return getBot(scope, input.id);
}

export async function removeBot(scope: WorkspaceScope, id: string) {
  await getBot(scope, id);
  await scope.db.delete(bots).where(and(eq(bots.id, id), eq(bots.workspaceId, scope.workspaceId)));
  await notifyBotChanged(scope.db, id);
}
