import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  contactFieldIdInput,
  contactFieldSchema,
  createContactFieldInput,
  listContactFieldsOutput,
  removeContactFieldOutput,
  updateContactFieldInput,
} from "./schemas";
import { createField, listFields, removeField, updateField } from "./service";

export const contactFieldsRouter = router({
  list: workspaceProcedure.output(listContactFieldsOutput).query(({ ctx }) => listFields(ctx)),
  create: editorProcedure
    .input(createContactFieldInput)
    .output(contactFieldSchema)
    .mutation(({ ctx, input }) => createField(ctx, input)),
  update: editorProcedure
    .input(updateContactFieldInput)
    .output(contactFieldSchema)
    .mutation(({ ctx, input }) => updateField(ctx, input)),
  remove: editorProcedure
    .input(contactFieldIdInput)
    .output(removeContactFieldOutput)
    .mutation(({ ctx, input }) => removeField(ctx, input.id)),
});
