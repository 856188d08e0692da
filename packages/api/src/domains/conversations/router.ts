import { router, workspaceProcedure } from "../../trpc";
import {
  conversationIdInput,
  listConversationsInput,
  listConversationsOutput,
  transcriptOutput,
} from "./schemas";
import { conversationTranscript, listConversations } from "./service";

export const conversationsRouter = router({
  list: workspaceProcedure
    .input(listConversationsInput)
    .output(listConversationsOutput)
    .query(({ ctx, input }) => listConversations(ctx, input)),
  transcript: workspaceProcedure
    .input(conversationIdInput)
    .output(transcriptOutput)
    .query(({ ctx, input }) => conversationTranscript(ctx, input.id)),
});
