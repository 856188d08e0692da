import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  botIdInput,
  botSchema,
  connectBotInput,
  listBotsOutput,
  removeBotOutput,
  updateBotInput,
} from "./schemas";
import { connectBot, listBots, removeBot, updateBot } from "./service";

export const botsRouter = router({
  list: workspaceProcedure.output(listBotsOutput).query(({ ctx }) => listBots(ctx)),
  connect: editorProcedure
    .input(connectBotInput)
    .output(botSchema)
    .mutation(({ ctx, input }) => connectBot(ctx, ctx.env, input.token)),
  update: editorProcedure
    .input(updateBotInput)
    .output(botSchema)
    .mutation(({ ctx, input }) => updateBot(ctx, input)),
  remove: editorProcedure
    .input(botIdInput)
    .output(removeBotOutput)
    .mutation(({ ctx, input }) => removeBot(ctx, input.id)),
});
