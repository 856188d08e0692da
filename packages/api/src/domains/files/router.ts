import { router, workspaceProcedure } from "../../trpc";
import { fileIdInput, fileOutput } from "./schemas";
import { fileInfo } from "./service";

/** Uploads are not here: see `uploadStepMedia` (service.ts), which the admin's route handler calls. */
export const filesRouter = router({
  get: workspaceProcedure
    .input(fileIdInput)
    .output(fileOutput)
    .query(({ ctx, input }) => fileInfo(ctx, input.id)),
});
