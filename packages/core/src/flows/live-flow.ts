import { bots, type ConversationRow, flows, flowVersions } from "@switchboard/db";
import { type CompiledFlow, type InboundEvent, normalizeAlias } from "@switchboard/flow";
import { and, eq, sql } from "drizzle-orm";
import { type BotSettings, parseBotSettings } from "../bot-settings";
import type { Executor } from "../db";

/** Published versions never change, so a compiled flow is read from the database once per process. */
const compiledByVersion = new Map<string, CompiledFlow>();
/** Enough for every live version of a large installation; the oldest entry goes first. */
const CACHE_LIMIT = 2000;

export interface LiveFlow {
  flowId: string;
  versionId: string;
  flow: CompiledFlow;
}

type BotVariableMap = Record<string, string>;

export interface BotBehaviour {
  workspaceId: string;
  settings: BotSettings;
  /** The bot's entry flow's live version, or null when there is none yet. */
  published: LiveFlow | null;
  /** The bot's variables (`{{bot.KEY}}`), read in the same query. */
  variables: BotVariableMap;
}

/**
 * What a bot runs right now: its settings and its entry flow's live version. Read inside each update's
 * transaction (one indexed join), so choosing another flow, publishing or changing a setting applies
 * to the very next update, with no restart and no window where a process still uses the old one.
 */
export async function loadBotBehaviour(db: Executor, botId: string): Promise<BotBehaviour | null> {
  const [row] = await db
    .select({
      workspaceId: bots.workspaceId,
      settings: bots.settings,
      flowId: flows.id,
      versionId: flows.publishedVersionId,
      variables: sql<BotVariableMap | null>`(select jsonb_object_agg(bv.key, bv.value) from bot_variables bv where bv.bot_id = ${bots.id})`,
    })
    .from(bots)
    .leftJoin(flows, eq(flows.id, bots.entryFlowId))
    .where(eq(bots.id, botId));
  return row ? behaviourOf(db, row) : null;
}

/**
 * What loadBotBehaviour reads, as SQL text for a statement that reads it with other things
 * (open-chat.ts); `botId` is that statement's parameter holding the bot's id, e.g. "$7".
 */
export const botBehaviourSelect = (botId: string) => `
  select b.workspace_id as "workspaceId", b.settings, f.id as "flowId", f.published_version_id as "versionId",
    (select jsonb_object_agg(bv.key, bv.value) from bot_variables bv where bv.bot_id = b.id) as variables
  from bots b left join flows f on f.id = b.entry_flow_id
  where b.id = ${botId}`;

export interface BotBehaviourRow {
  workspaceId: string;
  settings: unknown;
  flowId: string | null;
  versionId: string | null;
  variables: BotVariableMap | null;
}

/** The behaviour from its row (the compiled flow comes from the per-process cache, or one read). */
export async function behaviourOf(db: Executor, row: BotBehaviourRow): Promise<BotBehaviour> {
  const settings = settingsOf(row.settings);
  const base = { workspaceId: row.workspaceId, settings, variables: row.variables ?? {} };
  if (!row.versionId || !row.flowId) return { ...base, published: null };
  const flow = await compiledVersion(db, row.versionId);
  return { ...base, published: flow ? { flowId: row.flowId, versionId: row.versionId, flow } : null };
}

/**
 * Parsed settings by their JSON text: every update reads its bot's settings, nearly always unchanged,
 * and parsing them with zod each time was ~2 % of the runtime's CPU. Updates share the object: nothing
 * writes to a bot's settings once parsed (they are not frozen: zod's defaults may share nested objects
 * with the schema, and freezing those would freeze every later parse's too).
 */
const settingsByText = new Map<string, BotSettings>();
const SETTINGS_CACHE_LIMIT = 1000;

function settingsOf(raw: unknown): BotSettings {
  const key = JSON.stringify(raw ?? null);
  const cached = settingsByText.get(key);
  if (cached) return cached;
  const settings = parseBotSettings(raw);
  if (settingsByText.size >= SETTINGS_CACHE_LIMIT) settingsByText.delete(settingsByText.keys().next().value!);
  settingsByText.set(key, settings);
  return settings;
}

export async function compiledVersion(db: Executor, versionId: string): Promise<CompiledFlow | null> {
  const cached = compiledByVersion.get(versionId);
  if (cached) return cached;
  const [v] = await db
    .select({ compiled: flowVersions.compiled })
    .from(flowVersions)
    .where(eq(flowVersions.id, versionId));
  if (!v) return null;
  const flow = v.compiled as CompiledFlow;
  if (compiledByVersion.size >= CACHE_LIMIT) {
    const oldest = compiledByVersion.keys().next().value;
    if (oldest !== undefined) compiledByVersion.delete(oldest);
  }
  compiledByVersion.set(versionId, flow);
  return flow;
}

/** A workspace flow's live version, or null when the flow is gone, elsewhere, or not published. */
export async function liveFlowOf(
  db: Executor,
  workspaceId: string,
  flowId: string,
): Promise<LiveFlow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(flowId)) return null;
  const [row] = await db
    .select({ versionId: flows.publishedVersionId })
    .from(flows)
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)));
  if (!row?.versionId) return null;
  const flow = await compiledVersion(db, row.versionId);
  return flow ? { flowId, versionId: row.versionId, flow } : null;
}

/** /start, typed or pressed, always begins the bot's entry flow again. */
const restarts = (event: InboundEvent) =>
  event.type === "start" || (event.type === "text" && /^\/start(?:\s|$)/.test(normalizeAlias(event.text)));

/**
 * The flow the event runs in: the flow a Go to flow step moved the conversation into (its live
 * version now), unless the event restarts the bot or that flow is no longer published; else the
 * bot's entry flow.
 */
export async function conversationFlow(
  tx: Executor,
  conversation: ConversationRow,
  entry: LiveFlow,
  event: InboundEvent,
): Promise<LiveFlow> {
  if (!conversation.flowId || conversation.flowId === entry.flowId || restarts(event)) return entry;
  return (await liveFlowOf(tx, conversation.workspaceId, conversation.flowId)) ?? entry;
}

/** The flow (live version) the conversation's next event would run in, or null when the bot has none. */
export async function conversationLiveFlow(
  tx: Executor,
  conversation: ConversationRow,
): Promise<LiveFlow | null> {
  const entry = (await loadBotBehaviour(tx, conversation.botId))?.published;
  return entry ? conversationFlow(tx, conversation, entry, { type: "operator_returned" }) : null;
}
