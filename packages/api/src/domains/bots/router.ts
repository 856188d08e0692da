import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  botIdInput,
  botSchema,
  connectBotInput,
  listBotsOutput,
  removeBotOutput,
  updateBotInput,
  updateBotSettingsInput,
} from "./schemas";
import { connectBot, listBots, removeBot, updateBot, updateBotSettings } from "./service";

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
  updateSettings: editorProcedure
    .input(updateBotSettingsInput)
    .output(botSchema)
    .mutation(({ ctx, input }) => updateBotSettings(ctx, input.id, input.settings)),
  remove: editorProcedure
    .input(botIdInput)
    .output(removeBotOutput)
    .mutation(({ ctx, input }) => removeBot(ctx, input.id)),
});
