import { router, workspaceProcedure } from "../../trpc";
import { updateContactInput, updateContactOutput } from "./schemas";
import { updateContact } from "./service";

/** Contacts are the workspace's shared records: every member (operators included) may edit them. */
export const contactsRouter = router({
  update: workspaceProcedure
    .input(updateContactInput)
    .output(updateContactOutput)
    .mutation(({ ctx, input }) => updateContact(ctx, input)),
});
