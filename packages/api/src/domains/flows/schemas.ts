import { PROBLEM_CODES, type ProblemCode } from "@switchboard/flow";
import { z } from "zod";
import { isStorableText } from "./storable-text";
import { FLOW_TEMPLATES } from "./templates";

// ---- inputs ----

export const flowIdInput = z.object({ id: z.string().uuid() });
export type FlowIdInput = z.infer<typeof flowIdInput>;

const unstorable = "The name contains a character that can't be saved (a NUL character or half an emoji).";
const flowName = z
  .string()
  .trim()
  .min(1, "Give the flow a name.")
  .max(120)
  .refine(isStorableText, unstorable);

export const createFlowInput = z.object({ name: flowName, template: z.enum(FLOW_TEMPLATES).optional() });
export type CreateFlowInput = z.infer<typeof createFlowInput>;

export const renameFlowInput = flowIdInput.extend({ name: flowName });
export type RenameFlowInput = z.infer<typeof renameFlowInput>;

/** Only the top level is checked by the service: unfinished steps are kept and reported as problems. */
export const saveDraftInput = flowIdInput.extend({ draft: z.unknown() });
export type SaveDraftInput = z.infer<typeof saveDraftInput>;

export const rollbackFlowInput = flowIdInput.extend({ version: z.number().int().positive() });
export type RollbackFlowInput = z.infer<typeof rollbackFlowInput>;

/** The version history's "what is this version" look-up (the diff view compares two of them). */
export const flowVersionInput = flowIdInput.extend({ version: z.number().int().positive() });
export type FlowVersionInput = z.infer<typeof flowVersionInput>;

/** A version note is one short line; blank means none. */
export const VERSION_NOTE_MAX = 280;
export const publishFlowInput = flowIdInput.extend({
  note: z
    .string()
    .trim()
    .max(VERSION_NOTE_MAX, `Keep the note under ${VERSION_NOTE_MAX} characters.`)
    .refine(
      isStorableText,
      "The note contains a character that can't be saved (a NUL character or half an emoji).",
    )
    .optional(),
});
export type PublishFlowInput = z.infer<typeof publishFlowInput>;

export const importFlowInput = z.object({
  json: z.string().max(5_000_000, "The file is larger than 5 MB."),
  name: z.string().max(120).refine(isStorableText, unstorable).optional(),
});
export type ImportFlowInput = z.infer<typeof importFlowInput>;

const utcDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A day is written 2026-12-31.");
/** A period of at most this many days (a year and a day covers any calendar year). */
export const MAX_ANALYTICS_DAYS = 366;

export const stepAnalyticsInput = flowIdInput
  .extend({
    /** A published version's number; absent: the live version. */
    version: z.number().int().positive().optional(),
    /** First and last UTC day of the period, inclusive. */
    from: utcDay,
    to: utcDay,
  })
  .refine((p) => p.from <= p.to, { message: "The period starts after it ends.", path: ["from"] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) < MAX_ANALYTICS_DAYS * 86_400_000, {
    message: `Choose a period of at most ${MAX_ANALYTICS_DAYS} days.`,
    path: ["from"],
  });
export type StepAnalyticsInput = z.infer<typeof stepAnalyticsInput>;

// ---- outputs ----

/** The compiler's Problem (@switchboard/flow), which has no zod schema of its own. */
export const problemSchema = z.object({
  code: z.enum(Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]]),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  stepId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.string().optional(),
});
export type ProblemOutput = z.infer<typeof problemSchema>;

export const flowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  publishedVersion: z.number().nullable(),
  /** The bots whose entry flow this is. */
  botIds: z.array(z.string()),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

export const listFlowsOutput = z.array(flowSummarySchema);
export type ListFlowsOutput = z.infer<typeof listFlowsOutput>;

export const getFlowOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** The stored draft (jsonb), which may not compile yet: the builder parses it. */
  draft: z.unknown(),
  updatedAt: z.date(),
  publishedVersion: z.number().nullable(),
  /** The draft's content differs from the live version's (false when nothing is published). */
  unpublishedChanges: z.boolean(),
});
export type GetFlowOutput = z.infer<typeof getFlowOutput>;

export const flowCreatedOutput = z.object({ id: z.string() });
export type FlowCreatedOutput = z.infer<typeof flowCreatedOutput>;

/** rename and remove answer nothing. */
export const renameFlowOutput = z.void();
export const removeFlowOutput = z.void();

export const saveDraftOutput = z.object({
  updatedAt: z.date(),
  /** The saved draft's content differs from the live version's (false when nothing is published). */
  unpublishedChanges: z.boolean(),
  problems: z.array(problemSchema),
});
export type SaveDraftOutput = z.infer<typeof saveDraftOutput>;

export const validateFlowOutput = z.array(problemSchema);

/** Errors in the draft are a normal result (`ok: false`), not a thrown error. */
export const publishFlowOutput = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), version: z.number(), problems: z.array(problemSchema) }),
  z.object({ ok: z.literal(false), problems: z.array(problemSchema) }),
]);
export type PublishFlowOutput = z.infer<typeof publishFlowOutput>;

export const flowVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  createdAt: z.date(),
  publishedBy: z.string().nullable(),
  /** What the publisher wrote about the version; null when nothing. */
  note: z.string().nullable(),
  /** The publishing account's name (null when the account was deleted). */
  publishedByName: z.string().nullable(),
  live: z.boolean(),
});
export const listVersionsOutput = z.array(flowVersionSchema);
export type ListVersionsOutput = z.infer<typeof listVersionsOutput>;

/** One published version with the draft it was compiled from (parsed by the client, like a draft). */
export const flowVersionOutput = z.object({
  version: z.number(),
  createdAt: z.date(),
  note: z.string().nullable(),
  source: z.unknown(),
});
export type FlowVersionOutput = z.infer<typeof flowVersionOutput>;

export const rollbackFlowOutput = z.object({ version: z.number() });
export type RollbackFlowOutput = z.infer<typeof rollbackFlowOutput>;

export const exportFlowOutput = z.object({ fileName: z.string(), json: z.string() });
export type ExportFlowOutput = z.infer<typeof exportFlowOutput>;

/** One Schedule step on one bot that runs the flow. */
export const scheduleRunSchema = z.object({
  botId: z.string(),
  botUsername: z.string(),
  stepId: z.string(),
  /** When the step last ran (null: not yet). */
  lastRunAt: z.date().nullable(),
  /** How many conversations that run reached (null: not yet run). */
  lastRunReached: z.number().nullable(),
  /** The pending next run (null: none, e.g. a one-off that already ran, or the bot is disabled). */
  nextRunAt: z.date().nullable(),
});
export const scheduleRunsOutput = z.array(scheduleRunSchema);
export type ScheduleRunsOutput = z.infer<typeof scheduleRunsOutput>;

/** How many conversations each Random split step sent down each branch (branches nobody took are absent). */
export const splitCountsOutput = z.array(
  z.object({ stepId: z.string(), branchId: z.string(), conversations: z.number().int() }),
);

/** A workspace flow a Go to flow step can continue in, with the steps of its live version. */
export const flowTargetSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** False until the flow's first publish: it has no live version (and no steps to pick). */
  published: z.boolean(),
  steps: z.array(z.object({ id: z.string(), title: z.string() })),
});
export const flowTargetsOutput = z.array(flowTargetSchema);

const share = z.number().min(0).max(1);

/** The canvas analytics of a published version over a period (see core's flowFigures). */
export const stepAnalyticsOutput = z.object({
  /** null: the flow was never published (no figures). */
  version: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  steps: z.array(
    z.object({
      stepId: z.string(),
      reached: z.number().int(),
      wentOn: z.number().int(),
      stopped: z.number().int(),
      stopShare: share,
      dropOff: z.boolean(),
      outputs: z.array(
        z.object({
          output: z.string(),
          targetStepId: z.string().nullable(),
          count: z.number().int(),
          share: z.number().min(0),
        }),
      ),
    }),
  ),
  splits: z.array(
    z.object({
      stepId: z.string(),
      total: z.number().int(),
      branches: z.array(
        z.object({
          branchId: z.string(),
          label: z.string(),
          intendedPercent: z.number().int(),
          count: z.number().int(),
          share,
        }),
      ),
    }),
  ),
});
export type StepAnalyticsOutput = z.infer<typeof stepAnalyticsOutput>;
