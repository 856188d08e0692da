import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  createSandboxBotInput,
  createSandboxBotOutput,
  sandboxMessagesInput,
  sandboxMessagesOutput,
  sandboxSendInput,
  sandboxSendOutput,
  sandboxStatusOutput,
} from "./schemas";
import { createSandboxBot, sandboxMessages, sandboxSend, sandboxStatus } from "./service";

export const sandboxRouter = router({
  status: workspaceProcedure.output(sandboxStatusOutput).query(({ ctx }) => sandboxStatus(ctx.env)),
  send: workspaceProcedure
    .input(sandboxSendInput)
    .output(sandboxSendOutput)
    .mutation(({ ctx, input }) => sandboxSend(ctx, ctx.env, input)),
  messages: workspaceProcedure
    .input(sandboxMessagesInput)
    .output(sandboxMessagesOutput)
    .query(({ ctx, input }) => sandboxMessages(ctx, ctx.env, input)),
  createBot: editorProcedure
    .input(createSandboxBotInput)
    .output(createSandboxBotOutput)
    .mutation(({ ctx, input }) => createSandboxBot(ctx, ctx.env, input.username)),
});
