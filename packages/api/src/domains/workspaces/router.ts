import { router, workspaceProcedure } from "../../trpc";
import { currentWorkspace } from "./service";

export const workspaceRouter = router({
  current: workspaceProcedure.query(({ ctx }) => currentWorkspace(ctx.db, ctx.workspaceId, ctx.userId)),
});
