import { randomBytes } from "node:crypto";
import {
  type BotSettings,
  conflict,
  defaultBotSettings,
  type Executor,
  invalid,
  joinOperatorPool,
  notFound,
  notifyBotChanged,
  parseBotSettings,
  redactBotTokens,
  syncBotSchedules,
} from "@switchboard/core";
import { bots, encryptSecret, flows, tokenHint } from "@switchboard/db";
import { and, desc, eq } from "drizzle-orm";
import type { ApiEnv } from "../../context";
import { actorOf } from "../../scope";
import type { WorkspaceScope } from "../../trpc";
import type { BotSettingsPatch, UpdateBotInput } from "./schemas";
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

/** The stored settings as the core reads them (a missing or broken value is its default). */
const toPublicBot = <T extends { settings: unknown; lastError: string | null }>(row: T) => {
  const settings = parseBotSettings(row.settings);
  // Redacted on the way out too: a reason stored before the runtime redacted its writes may name the token.
  const lastError = row.lastError === null ? null : redactBotTokens(row.lastError);
  return { ...row, lastError, settings, waitForStart: settings.waitForStart };
};

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

/** What connecting needs of the environment (a script passes just these). */
export type BotTokenEnv = Pick<ApiEnv, "secretKey" | "telegramApiRoot">;

/**
 * Checks the token with Telegram and stores the bot. A new bot gets the connecting member in its
 * operator pool, so a flow that routes to an operator reaches someone from the start.
 */
export async function connectBot(scope: WorkspaceScope, env: BotTokenEnv, rawToken: string) {
  const token = rawToken.trim();
  const identity = await fetchBotIdentity(env.telegramApiRoot, token);
  const actor = await actorOf(scope);
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
  const id = await scope.db.transaction(async (tx) => {
    if (existing) {
      // Reconnecting (e.g. after revoking the token in BotFather) keeps the bot's flows, history and
      // operator pool (a member who left it is not put back).
      await tx.update(bots).set(values).where(eq(bots.id, existing.id));
      await notifyBotChanged(tx, existing.id);
      return existing.id;
    }
    const [row] = await tx
      .insert(bots)
      .values({
        ...values,
        workspaceId: scope.workspaceId,
        telegramId: identity.id,
        webhookSecret: randomBytes(24).toString("base64url"),
        settings: defaultBotSettings(),
      })
      .returning({ id: bots.id });
    await joinOperatorPool(tx, actor, row!.id);
    await notifyBotChanged(tx, row!.id);
    return row!.id;
  });
  // A reconnected bot is enabled again: its schedules run again.
  if (existing) await syncBotSchedules(scope.db, id);
  return getBot(scope, id);
}

/** Keeps only the keys whose value is given (an explicit `undefined` changes nothing). */
const given = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The first path where `b` differs from `a` ("operator.maxParallelChats"), or null. */
function firstDifference(a: unknown, b: unknown, path = ""): string | null {
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const at = path ? `${path}.${key}` : key;
      const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], at);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : path || "(settings)";
}

/**
 * `patch` over `stored`, checked with the core's schema. The core's schema never fails (it falls back
 * to defaults, so an old row still loads); here a value it would replace is refused instead.
 */
export function mergeBotSettings(stored: BotSettings, patch: BotSettingsPatch): BotSettings {
  const { operator, operatorGroup, ...top } = patch;
  const { texts, ...operatorTop } = operator ?? {};
  const group =
    operatorGroup || stored.operatorGroup
      ? {
          operatorGroup: {
            ...(stored.operatorGroup ?? { chatId: null, enabled: false }),
            ...given(operatorGroup),
          },
        }
      : {};
  const merged = {
    ...stored,
    ...given(top),
    operator: {
      ...stored.operator,
      ...given(operatorTop),
      texts: { ...stored.operator.texts, ...given(texts) },
    },
    ...group,
  };
  const parsed = parseBotSettings(merged);
  const wrong = firstDifference(merged, parsed);
  if (wrong !== null) throw invalid(`The bot setting "${wrong}" has a value that is not allowed.`);
  if (operatorGroup && parsed.operatorGroup?.enabled && parsed.operatorGroup.chatId === null)
    throw invalid("Paste the operators' group's id before switching it on.");
  return parsed;
}

/** Reads the bot's settings under a row lock, so two concurrent patches both apply. */
async function patchSettings(tx: Executor, scope: WorkspaceScope, id: string, patch: BotSettingsPatch) {
  const [row] = await tx
    .select({ settings: bots.settings })
    .from(bots)
    .where(and(eq(bots.id, id), eq(bots.workspaceId, scope.workspaceId)))
    .for("update");
  if (!row) throw notFound("Bot");
  return mergeBotSettings(parseBotSettings(row.settings), patch);
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
  await scope.db.transaction(async (tx) => {
    const settings =
      input.waitForStart !== undefined
        ? await patchSettings(tx, scope, input.id, { waitForStart: input.waitForStart })
        : undefined;
    await tx
      .update(bots)
      .set({
        ...(input.entryFlowId !== undefined ? { entryFlowId: input.entryFlowId } : {}),
        ...(input.deliveryMode ? { deliveryMode: input.deliveryMode } : {}),
        ...(input.enabled !== undefined
          ? { enabled: input.enabled, status: input.enabled ? ("active" as const) : ("disabled" as const) }
          : {}),
        ...(settings ? { settings } : {}),
      })
      .where(and(eq(bots.id, input.id), eq(bots.workspaceId, scope.workspaceId)));
    await notifyBotChanged(tx, input.id);
  });
  // Another flow, or the bot switched on or off: its Schedule steps' runs change with it.
  const flowChanged = input.entryFlowId !== undefined && input.entryFlowId !== bot.entryFlowId;
  const enabledChanged = input.enabled !== undefined && input.enabled !== bot.enabled;
  if (flowChanged || enabledChanged) await syncBotSchedules(scope.db, input.id);
  return getBot(scope, input.id);
}

/** Changes some of a bot's settings (the rest stay); the bot's runtime applies them to the next update. */
export async function updateBotSettings(scope: WorkspaceScope, id: string, patch: BotSettingsPatch) {
  await scope.db.transaction(async (tx) => {
    const settings = await patchSettings(tx, scope, id, patch);
    await tx.update(bots).set({ settings }).where(eq(bots.id, id));
    await notifyBotChanged(tx, id);
  });
  return getBot(scope, id);
}

export async function removeBot(scope: WorkspaceScope, id: string) {
  await getBot(scope, id);
  await scope.db.delete(bots).where(and(eq(bots.id, id), eq(bots.workspaceId, scope.workspaceId)));
  await notifyBotChanged(scope.db, id);
}
