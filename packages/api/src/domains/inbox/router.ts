import { router, workspaceProcedure } from "../../trpc";
import {
  assignableOperatorsOutput,
  assignInput,
  conversationInput,
  inboxBotInput,
  inboxConversationDetailsOutput,
  inboxConversationIdInput,
  inboxConversationOutput,
  inboxCountsInput,
  inboxCountsOutput,
  inboxListInput,
  inboxListOutput,
  inboxQueueOutput,
  markReadOutput,
  noteInput,
  noteSchema,
  replyInput,
  replyOutput,
  returnToBotInput,
} from "./schemas";
import {
  addNote,
  assign,
  close,
  handBack,
  inboxConversation,
  inboxCountsOf,
  inboxList,
  inboxQueue,
  markRead,
  operatorsFor,
  reply,
  take,
} from "./service";

/** Inbox actions are every member's: whether they may is the core's (pool, assignment, owner). */
export const inboxRouter = router({
  queue: workspaceProcedure.output(inboxQueueOutput).query(({ ctx }) => inboxQueue(ctx)),
  list: workspaceProcedure
    .input(inboxListInput)
    .output(inboxListOutput)
    .query(({ ctx, input }) => inboxList(ctx, input)),
  counts: workspaceProcedure
    .input(inboxCountsInput)
    .output(inboxCountsOutput)
    .query(({ ctx, input }) => inboxCountsOf(ctx, input)),
  conversation: workspaceProcedure
    .input(inboxConversationIdInput)
    .output(inboxConversationDetailsOutput)
    .query(({ ctx, input }) => inboxConversation(ctx, input.id)),
  markRead: workspaceProcedure
    .input(conversationInput)
    .output(markReadOutput)
    .mutation(({ ctx, input }) => markRead(ctx, input.conversationId)),
  note: workspaceProcedure
    .input(noteInput)
    .output(noteSchema)
    .mutation(({ ctx, input }) => addNote(ctx, input.conversationId, input.text)),
  take: workspaceProcedure
    .input(conversationInput)
    .output(inboxConversationOutput)
    .mutation(({ ctx, input }) => take(ctx, ctx.env, input.conversationId)),
  assign: workspaceProcedure
    .input(assignInput)
    .output(inboxConversationOutput)
    .mutation(({ ctx, input }) => assign(ctx, ctx.env, input.conversationId, input.userId)),
  operators: workspaceProcedure
    .input(inboxBotInput)
    .output(assignableOperatorsOutput)
    .query(({ ctx, input }) => operatorsFor(ctx, input.botId)),
  reply: workspaceProcedure
    .input(replyInput)
    .output(replyOutput)
    .mutation(({ ctx, input }) => reply(ctx, input)),
  close: workspaceProcedure
    .input(conversationInput)
    .output(inboxConversationOutput)
    .mutation(({ ctx, input }) => close(ctx, ctx.env, input.conversationId)),
  returnToBot: workspaceProcedure
    .input(returnToBotInput)
    .output(inboxConversationOutput)
    .mutation(({ ctx, input }) => handBack(ctx, ctx.env, input.conversationId, input.stepId)),
});
