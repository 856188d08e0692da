import { z } from "zod";
import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import { createSandboxBot, sandboxMessages, sandboxSend, sandboxStatus } from "./service";

const sandboxUser = z.object({
  id: z.number().int().positive(),
  first_name: z.string().min(1).max(64),
  username: z.string().max(32).optional(),
});

export const sandboxRouter = router({
  status: workspaceProcedure.query(({ ctx }) => sandboxStatus(ctx.env)),
  send: workspaceProcedure
    .input(
      z.object({
        botId: z.string().uuid(),
        user: sandboxUser,
        action: z.discriminatedUnion("type", [
          z.object({ type: z.literal("text"), text: z.string().min(1).max(20_000) }),
          z.object({ type: z.literal("start"), payload: z.string().max(64).optional() }),
          z.object({
            type: z.literal("press"),
            messageId: z.number().int(),
            callbackData: z.string().max(64),
          }),
          z.object({ type: z.literal("contact"), phone: z.string().min(3).max(32) }),
        ]),
      }),
    )
    .mutation(({ ctx, input }) => sandboxSend(ctx, ctx.env, input)),
  messages: workspaceProcedure
    .input(
      z.object({
        botId: z.string().uuid(),
        chatId: z.number().int(),
        afterMessageId: z.number().int().optional(),
      }),
    )
    .query(({ ctx, input }) => sandboxMessages(ctx, ctx.env, input)),
  createBot: editorProcedure
    .input(
      z.object({
        username: z
          .string()
          .regex(/^[A-Za-z][A-Za-z0-9_]{3,30}bot$/i, "A bot username ends in 'bot', e.g. acme_support_bot."),
      }),
    )
    .mutation(({ ctx, input }) => createSandboxBot(ctx, ctx.env, input.username)),
});
