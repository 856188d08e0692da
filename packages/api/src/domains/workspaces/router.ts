import { authedProcedure, editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  currentWorkspaceOutput,
  switchWorkspaceInput,
  switchWorkspaceOutput,
  updateWorkspaceSettingsInput,
  workspaceListOutput,
  workspaceMembersOutput,
  workspaceSettingsOutput,
} from "./schemas";
import {
  currentWorkspace,
  listWorkspaces,
  switchTo,
  updateWorkspaceSettings,
  workspaceMembers,
  workspaceSettings,
} from "./service";

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
  /** Signed in, any memberships (none: an empty list). */
  list: authedProcedure
    .output(workspaceListOutput)
    .query(({ ctx }) => listWorkspaces(ctx.db, ctx.userId, ctx.sessionId)),
  /** The session works in another of the user's workspaces from now on. */
  switch: authedProcedure
    .input(switchWorkspaceInput)
    .output(switchWorkspaceOutput)
    .mutation(({ ctx, input }) => switchTo(ctx.db, ctx.userId, ctx.sessionId, input.workspaceId)),
});
