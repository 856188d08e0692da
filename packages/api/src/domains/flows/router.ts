import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  createFlowInput,
  exportFlowOutput,
  flowCreatedOutput,
  flowIdInput,
  flowTargetsOutput,
  flowVersionInput,
  flowVersionOutput,
  getFlowOutput,
  importFlowInput,
  listFlowsOutput,
  listVersionsOutput,
  publishFlowInput,
  publishFlowOutput,
  removeFlowOutput,
  renameFlowInput,
  renameFlowOutput,
  rollbackFlowInput,
  rollbackFlowOutput,
  saveDraftInput,
  saveDraftOutput,
  scheduleRunsOutput,
  splitCountsOutput,
  stepAnalyticsInput,
  stepAnalyticsOutput,
  validateFlowOutput,
} from "./schemas";
import {
  createFlow,
  exportFlowJson,
  flowScheduleRuns,
  flowSplitCounts,
  flowStepAnalytics,
  flowTargets,
  getFlow,
  getVersion,
  importFlowJson,
  listFlows,
  listVersions,
  publishFlow,
  removeFlow,
  renameFlow,
  rollbackFlow,
  saveDraft,
  validateFlow,
} from "./service";

export const flowsRouter = router({
  list: workspaceProcedure.output(listFlowsOutput).query(({ ctx }) => listFlows(ctx)),
  get: workspaceProcedure
    .input(flowIdInput)
    .output(getFlowOutput)
    .query(({ ctx, input }) => getFlow(ctx, input.id)),
  create: editorProcedure
    .input(createFlowInput)
    .output(flowCreatedOutput)
    .mutation(({ ctx, input }) => createFlow(ctx, input.name, input.template)),
  rename: editorProcedure
    .input(renameFlowInput)
    .output(renameFlowOutput)
    .mutation(({ ctx, input }) => renameFlow(ctx, input.id, input.name)),
  remove: editorProcedure
    .input(flowIdInput)
    .output(removeFlowOutput)
    .mutation(({ ctx, input }) => removeFlow(ctx, input.id)),
  saveDraft: editorProcedure
    .input(saveDraftInput)
    .output(saveDraftOutput)
    .mutation(({ ctx, input }) => saveDraft(ctx, input.id, input.draft)),
  validate: workspaceProcedure
    .input(flowIdInput)
    .output(validateFlowOutput)
    .query(({ ctx, input }) => validateFlow(ctx, input.id)),
  publish: editorProcedure
    .input(publishFlowInput)
    .output(publishFlowOutput)
    .mutation(({ ctx, input }) => publishFlow(ctx, input.id, input.note)),
  versions: workspaceProcedure
    .input(flowIdInput)
    .output(listVersionsOutput)
    .query(({ ctx, input }) => listVersions(ctx, input.id)),
  version: workspaceProcedure
    .input(flowVersionInput)
    .output(flowVersionOutput)
    .query(({ ctx, input }) => getVersion(ctx, input.id, input.version)),
  rollback: editorProcedure
    .input(rollbackFlowInput)
    .output(rollbackFlowOutput)
    .mutation(({ ctx, input }) => rollbackFlow(ctx, input.id, input.version)),
  importJson: editorProcedure
    .input(importFlowInput)
    .output(flowCreatedOutput)
    .mutation(({ ctx, input }) => importFlowJson(ctx, input.json, input.name)),
  exportJson: workspaceProcedure
    .input(flowIdInput)
    .output(exportFlowOutput)
    .query(({ ctx, input }) => exportFlowJson(ctx, input.id)),
  scheduleRuns: workspaceProcedure
    .input(flowIdInput)
    .output(scheduleRunsOutput)
    .query(({ ctx, input }) => flowScheduleRuns(ctx, input.id)),
  splitCounts: workspaceProcedure
    .input(flowIdInput)
    .output(splitCountsOutput)
    .query(({ ctx, input }) => flowSplitCounts(ctx, input.id)),
  stepAnalytics: workspaceProcedure
    .input(stepAnalyticsInput)
    .output(stepAnalyticsOutput)
    .query(({ ctx, input }) => flowStepAnalytics(ctx, input)),
  targets: workspaceProcedure.output(flowTargetsOutput).query(({ ctx }) => flowTargets(ctx)),
});
