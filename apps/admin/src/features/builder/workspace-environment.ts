import {
  type CompileEnvironment,
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  type CustomFieldType,
} from "@switchboard/flow";
import { type BotVariableInfo, botVariablesFor } from "./fields/variable-picker";

/* What the builder knows about the workspace a flow belongs to, for the editors and the compiler. */

/** One branch's tally of a Random split step (`flows.splitCounts`). */
export interface SplitCountInfo {
  stepId: string;
  branchId: string;
  conversations: number;
}

export interface WorkspaceMember {
  userId: string;
  name: string;
  email: string;
}

export interface PipelineStage {
  id: string;
  name: string;
  position: number;
}

/** One bot's runs of one Schedule step, as the server has them. */
export interface ScheduleRunInfo {
  botId: string;
  botUsername?: string;
  stepId: string;
  lastRunAt: Date | null;
  /** How many conversations the last run reached. */
  lastRunReached: number | null;
  nextRunAt: Date | null;
}

/** A workspace flow Go to flow can continue in, with its live version's steps. */
export interface FlowTarget {
  id: string;
  name: string;
  published: boolean;
  steps: { id: string; title: string }[];
}

/** Every list is `null` until it is known (still loading, or the server couldn't say). */
export interface WorkspaceEnvironment {
  customFields: CustomFieldDefinition[] | null;
  members: WorkspaceMember[] | null;
  stages: PipelineStage[] | null;
  /** IANA time zone of the workspace: Schedule steps run in it. */
  timeZone: string | null;
  scheduleRuns: ScheduleRunInfo[] | null;
  /** How many conversations each Random split step sent down each branch (null: not loaded). */
  splitCounts: SplitCountInfo[] | null;
  /** The workspace's flows (Go to flow targets). */
  flows: FlowTarget[] | null;
  /** The names of the workspace's secrets (HTTP request headers). */
  secretNames: string[] | null;
  /**
   * Bot variables (`{{bot.KEY}}`) of the bots running this flow (`running`), else of every bot of the
   * workspace; the compiler checks them only when `running`.
   */
  botVariables: { running: boolean; variables: BotVariableInfo[] } | null;
  /** The `{{bot.KEY}}` values the test chat renders: those of a bot running this flow (else none). */
  testBotValues: Record<string, string>;
}

export const UNKNOWN_ENVIRONMENT: WorkspaceEnvironment = {
  customFields: null,
  members: null,
  stages: null,
  timeZone: null,
  scheduleRuns: null,
  splitCounts: null,
  flows: null,
  secretNames: null,
  botVariables: null,
  testBotValues: {},
};

/** What the API answers, each `undefined` while it hasn't (loading, failed). */
export interface EnvironmentSources {
  fields?: readonly { key: string; label: string; type: string; options: string[]; position: number }[];
  members?: readonly { userId: string; name: string; email: string }[];
  stages?: readonly { id: string; name: string; position: number }[];
  settings?: { timeZone: string };
  scheduleRuns?: readonly ScheduleRunInfo[];
  splitCounts?: readonly SplitCountInfo[];
  flows?: readonly FlowTarget[];
  secretNames?: readonly string[];
  /** With `bots` and `botVariables`: which flow the builder edits. */
  flowId?: string;
  bots?: readonly { id: string; username: string; entryFlowId: string | null }[];
  botVariables?: readonly { botId: string; key: string; value?: string }[];
}

export const botVariablesFrom = (
  flowId: string | undefined,
  bots: EnvironmentSources["bots"],
  variables: EnvironmentSources["botVariables"],
): WorkspaceEnvironment["botVariables"] =>
  flowId && bots && variables ? botVariablesFor(flowId, bots, variables) : null;

/**
 * What the test chat puts in `{{bot.KEY}}`: the variables of the first bot (by username) whose start
 * flow is this one, so a marketer sees the texts as that bot will send them. No such bot: none.
 */
export function testBotValuesFrom(
  flowId: string | undefined,
  bots: EnvironmentSources["bots"],
  variables: EnvironmentSources["botVariables"],
): Record<string, string> {
  if (!flowId || !bots || !variables) return {};
  const bot = [...bots]
    .filter((b) => b.entryFlowId === flowId)
    .sort((a, b) => a.username.localeCompare(b.username))[0];
  if (!bot) return {};
  return Object.fromEntries(
    variables.filter((v) => v.botId === bot.id && v.value !== undefined).map((v) => [v.key, v.value!]),
  );
}

const isFieldType = (t: string): t is CustomFieldType =>
  (CUSTOM_FIELD_TYPES as readonly string[]).includes(t);

export const customFieldsFrom = (fields: EnvironmentSources["fields"]): CustomFieldDefinition[] | null =>
  fields
    ? [...fields]
        .sort((a, b) => a.position - b.position)
        .map((f) => ({
          key: f.key,
          label: f.label,
          type: isFieldType(f.type) ? f.type : "text",
          options: f.options,
        }))
    : null;

export const membersFrom = (members: EnvironmentSources["members"]): WorkspaceMember[] | null =>
  members ? members.map(({ userId, name, email }) => ({ userId, name, email })) : null;

export const stagesFrom = (stages: EnvironmentSources["stages"]): PipelineStage[] | null =>
  stages ? stages.map(({ id, name, position }) => ({ id, name, position })) : null;

/** The builder's environment from the API's answers; what hasn't arrived stays unknown (`null`). */
export function environmentFrom(sources: EnvironmentSources): WorkspaceEnvironment {
  return {
    customFields: customFieldsFrom(sources.fields),
    members: membersFrom(sources.members),
    stages: stagesFrom(sources.stages),
    timeZone: sources.settings?.timeZone ?? null,
    scheduleRuns: sources.scheduleRuns ? [...sources.scheduleRuns] : null,
    splitCounts: sources.splitCounts ? [...sources.splitCounts] : null,
    flows: sources.flows ? [...sources.flows] : null,
    secretNames: sources.secretNames ? [...sources.secretNames] : null,
    botVariables: botVariablesFrom(sources.flowId, sources.bots, sources.botVariables),
    testBotValues: testBotValuesFrom(sources.flowId, sources.bots, sources.botVariables),
  };
}

/**
 * The compiler's view: only what is known is checked, so a list that hasn't loaded yet never makes
 * references look broken.
 */
export function compileEnvironmentOf(env: WorkspaceEnvironment): CompileEnvironment {
  const out: CompileEnvironment = {};
  if (env.customFields) out.customFields = env.customFields;
  if (env.members) out.memberIds = env.members.map((m) => m.userId);
  if (env.stages) out.stageIds = env.stages.map((s) => s.id);
  if (env.flows) out.flows = env.flows;
  if (env.secretNames) out.secretNames = env.secretNames;
  if (env.botVariables?.running) out.botVariableKeys = env.botVariables.variables.map((v) => v.key);
  return out;
}

/** The schedule's time zone: the workspace's, else the browser's (before the settings load). */
export const scheduleTimeZone = (env: WorkspaceEnvironment) =>
  env.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";

export const runsOfStep = (env: WorkspaceEnvironment, stepId: string) =>
  (env.scheduleRuns ?? []).filter((r) => r.stepId === stepId);

/** A Random split step's tallies, branch id → conversations. */
export const splitCountsOfStep = (env: WorkspaceEnvironment, stepId: string): Record<string, number> =>
  Object.fromEntries(
    (env.splitCounts ?? []).filter((c) => c.stepId === stepId).map((c) => [c.branchId, c.conversations]),
  );
