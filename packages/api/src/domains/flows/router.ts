import { z } from "zod";
import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  createFlow,
  exportFlowJson,
  getFlow,
  importFlowJson,
  isStorableText,
  listFlows,
  listVersions,
  publishFlow,
  removeFlow,
  renameFlow,
  rollbackFlow,
  saveDraft,
  validateFlow,
} from "./service";
import { FLOW_TEMPLATES } from "./templates";

const flowId = z.object({ id: z.string().uuid() });
const unstorable = "The name contains a character that can't be saved (a NUL character or half an emoji).";
const flowName = z
  .string()
  .trim()
  .min(1, "Give the flow a name.")
  .max(120)
  .refine(isStorableText, unstorable);

export const flowsRouter = router({
  list: workspaceProcedure.query(({ ctx }) => listFlows(ctx)),
  get: workspaceProcedure.input(flowId).query(({ ctx, input }) => getFlow(ctx, input.id)),
  create: editorProcedure
    .input(z.object({ name: flowName, template: z.enum(FLOW_TEMPLATES).optional() }))
    .mutation(({ ctx, input }) => createFlow(ctx, input.name, input.template)),
  rename: editorProcedure
    .input(flowId.extend({ name: flowName }))
    .mutation(({ ctx, input }) => renameFlow(ctx, input.id, input.name)),
  remove: editorProcedure.input(flowId).mutation(({ ctx, input }) => removeFlow(ctx, input.id)),
  saveDraft: editorProcedure
    .input(flowId.extend({ draft: z.unknown() }))
    .mutation(({ ctx, input }) => saveDraft(ctx, input.id, input.draft)),
  validate: workspaceProcedure.input(flowId).query(({ ctx, input }) => validateFlow(ctx, input.id)),
  publish: editorProcedure.input(flowId).mutation(({ ctx, input }) => publishFlow(ctx, input.id)),
  versions: workspaceProcedure.input(flowId).query(({ ctx, input }) => listVersions(ctx, input.id)),
  rollback: editorProcedure
    .input(flowId.extend({ version: z.number().int().positive() }))
    .mutation(({ ctx, input }) => rollbackFlow(ctx, input.id, input.version)),
  importJson: editorProcedure
    .input(
      z.object({
        json: z.string().max(5_000_000, "The file is larger than 5 MB."),
        name: z.string().max(120).refine(isStorableText, unstorable).optional(),
      }),
    )
    .mutation(({ ctx, input }) => importFlowJson(ctx, input.json, input.name)),
  exportJson: workspaceProcedure.input(flowId).query(({ ctx, input }) => exportFlowJson(ctx, input.id)),
});
