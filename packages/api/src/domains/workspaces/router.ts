import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  currentWorkspaceOutput,
  updateWorkspaceSettingsInput,
  workspaceMembersOutput,
  workspaceSettingsOutput,
} from "./schemas";
import { currentWorkspace, updateWorkspaceSettings, workspaceMembers, workspaceSettings } from "./service";

export const workspaceRouter = router({
  current: workspaceProcedure
    .output(currentWorkspaceOutput)
    .query(({ ctx }) => currentWorkspace(ctx.db, ctx.workspaceId, ctx.userId)),
  settings: workspaceProcedure.output(workspaceSettingsOutput).query(({ ctx }) => workspaceSettings(ctx)),
  updateSettings: editorProcedure
    .input(updateWorkspaceSettingsInput)
    .output(workspaceSettingsOutput)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(ctx, input)),
  members: workspaceProcedure.output(workspaceMembersOutput).query(({ ctx }) => workspaceMembers(ctx)),
});
