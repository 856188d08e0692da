import type { CompileEnvironment, CustomFieldDefinition } from "@switchboard/flow";

/* What the builder knows about the workspace a flow belongs to, for the editors and the compiler. */

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

/** Every list is `null` until it is known (still loading, or the server couldn't say). */
export interface WorkspaceEnvironment {
  customFields: CustomFieldDefinition[] | null;
  members: WorkspaceMember[] | null;
  stages: PipelineStage[] | null;
  /** IANA time zone of the workspace: Schedule steps run in it. */
  timeZone: string | null;
  scheduleRuns: ScheduleRunInfo[] | null;
}

export const UNKNOWN_ENVIRONMENT: WorkspaceEnvironment = {
  customFields: null,
  members: null,
  stages: null,
  timeZone: null,
  scheduleRuns: null,
};

/**
 * The compiler's view: only what is known is checked, so a list that hasn't loaded yet never makes
 * references look broken.
 */
export function compileEnvironmentOf(env: WorkspaceEnvironment): CompileEnvironment {
  const out: CompileEnvironment = {};
  if (env.customFields) out.customFields = env.customFields;
  if (env.members) out.memberIds = env.members.map((m) => m.userId);
  if (env.stages) out.stageIds = env.stages.map((s) => s.id);
  return out;
}

/** The schedule's time zone: the workspace's, else the browser's (before the settings load). */
export const scheduleTimeZone = (env: WorkspaceEnvironment) =>
  env.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";

export const runsOfStep = (env: WorkspaceEnvironment, stepId: string) =>
  (env.scheduleRuns ?? []).filter((r) => r.stepId === stepId);
