import { router, workspaceProcedure } from "../../trpc";
import { currentWorkspaceOutput } from "./schemas";
import { currentWorkspace } from "./service";

export const workspaceRouter = router({
  current: workspaceProcedure
    .output(currentWorkspaceOutput)
    .query(({ ctx }) => currentWorkspace(ctx.db, ctx.workspaceId, ctx.userId)),
});
