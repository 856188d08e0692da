import { router, workspaceProcedure } from "../../trpc";
import {
  conversationInput,
  inboxConversationOutput,
  inboxQueueOutput,
  replyInput,
  replyOutput,
  returnToBotInput,
} from "./schemas";
import { close, handBack, inboxQueue, reply, take } from "./service";

/** Inbox actions are every member's: whether they may is the core's (pool, assignment, owner). */
export const inboxRouter = router({
  queue: workspaceProcedure.output(inboxQueueOutput).query(({ ctx }) => inboxQueue(ctx)),
  take: workspaceProcedure
    .input(conversationInput)
    .output(inboxConversationOutput)
    .mutation(({ ctx, input }) => take(ctx, ctx.env, input.conversationId)),
  reply: workspaceProcedure
    .input(replyInput)
    .output(replyOutput)
    .mutation(({ ctx, input }) => reply(ctx, input.conversationId, input.text)),
  close: workspaceProcedure
    .input(conversationInput)
    .output(inboxConversationOutput)
    .mutation(({ ctx, input }) => close(ctx, ctx.env, input.conversationId)),
  returnToBot: workspaceProcedure
    .input(returnToBotInput)
    .output(inboxConversationOutput)
    .mutation(({ ctx, input }) => handBack(ctx, ctx.env, input.conversationId, input.stepId)),
});
