import { router, workspaceProcedure } from "../../trpc";
import {
  cannedIdInput,
  cannedReplySchema,
  createCannedInput,
  listCannedInput,
  listCannedOutput,
  removeCannedOutput,
  updateCannedInput,
} from "./schemas";
import { cannedCreate, cannedList, cannedRemove, cannedUpdate } from "./service";

/** Any member lists them; create, update and remove are for owners and marketers (checked by the core). */
export const cannedRouter = router({
  list: workspaceProcedure
    .input(listCannedInput)
    .output(listCannedOutput)
    .query(({ ctx, input }) => cannedList(ctx, input)),
  create: workspaceProcedure
    .input(createCannedInput)
    .output(cannedReplySchema)
    .mutation(({ ctx, input }) => cannedCreate(ctx, input)),
  update: workspaceProcedure
    .input(updateCannedInput)
    .output(cannedReplySchema)
    .mutation(({ ctx, input }) => cannedUpdate(ctx, input)),
  remove: workspaceProcedure
    .input(cannedIdInput)
    .output(removeCannedOutput)
    .mutation(({ ctx, input }) => cannedRemove(ctx, input.id)),
});
