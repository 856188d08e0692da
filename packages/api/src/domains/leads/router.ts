import { router, workspaceProcedure } from "../../trpc";
import {
  createLeadInput,
  getLeadOutput,
  leadIdInput,
  leadSchema,
  leadStagesOutput,
  listLeadsInput,
  listLeadsOutput,
  updateLeadInput,
} from "./schemas";
import { addLead, changeLead, leadStagesOf, leadsOf, leadWithTranscript } from "./service";

/** Leads are sales work: every member (operators included) may create and move them. */
export const leadsRouter = router({
  list: workspaceProcedure
    .input(listLeadsInput)
    .output(listLeadsOutput)
    .query(({ ctx, input }) => leadsOf(ctx, input)),
  get: workspaceProcedure
    .input(leadIdInput)
    .output(getLeadOutput)
    .query(({ ctx, input }) => leadWithTranscript(ctx, input.id)),
  create: workspaceProcedure
    .input(createLeadInput)
    .output(leadSchema)
    .mutation(({ ctx, input }) => addLead(ctx, input)),
  update: workspaceProcedure
    .input(updateLeadInput)
    .output(leadSchema)
    .mutation(({ ctx, input }) => changeLead(ctx, input)),
  stages: workspaceProcedure.output(leadStagesOutput).query(({ ctx }) => leadStagesOf(ctx)),
});
