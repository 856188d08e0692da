import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  listSecretsOutput,
  removeSecretOutput,
  secretNameInput,
  secretSummarySchema,
  setSecretInput,
} from "./schemas";
import { secretsList, secretsRemove, secretsSet } from "./service";

/** Any member sees the names; owners and marketers set and remove them. Values never come back. */
export const secretsRouter = router({
  list: workspaceProcedure.output(listSecretsOutput).query(({ ctx }) => secretsList(ctx)),
  set: editorProcedure
    .input(setSecretInput)
    .output(secretSummarySchema)
    .mutation(({ ctx, input }) => secretsSet(ctx, ctx.env, input)),
  remove: editorProcedure
    .input(secretNameInput)
    .output(removeSecretOutput)
    .mutation(({ ctx, input }) => secretsRemove(ctx, input.name)),
});
