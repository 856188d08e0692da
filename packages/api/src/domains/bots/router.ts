import { listBotLogs } from "@switchboard/core";
import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import {
  botIdInput,
  botLogsInput,
  botLogsOutput,
  botSchema,
  botWebhookInfoInput,
  botWebhookInfoOutput,
  connectBotInput,
  listBotsOutput,
  removeBotOutput,
  updateBotInput,
  updateBotSettingsInput,
} from "./schemas";
import { connectBot, listBots, removeBot, updateBot, updateBotSettings } from "./service";
import { webhookInfoOf } from "./webhook-info";

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
  /** The bot's log (failed Telegram calls, errors, updates set aside): owners and marketers. */
  logs: editorProcedure
    .input(botLogsInput)
    .output(botLogsOutput)
    .query(({ ctx, input }) => listBotLogs(ctx.db, ctx.workspaceId, input)),
  /** Telegram's getWebhookInfo for the bot, asked with its token. */
  webhookInfo: editorProcedure
    .input(botWebhookInfoInput)
    .output(botWebhookInfoOutput)
    .query(({ ctx, input }) => webhookInfoOf(ctx, ctx.env, input.botId)),
  remove: editorProcedure
    .input(botIdInput)
    .output(removeBotOutput)
    .mutation(({ ctx, input }) => removeBot(ctx, input.id)),
});
