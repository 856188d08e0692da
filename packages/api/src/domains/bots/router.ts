import { z } from "zod";
import { editorProcedure, router, workspaceProcedure } from "../../trpc";
import { connectBot, listBots, removeBot, updateBot } from "./service";

export const botsRouter = router({
  list: workspaceProcedure.query(({ ctx }) => listBots(ctx)),
  connect: editorProcedure
    .input(z.object({ token: z.string().trim().min(1, "Paste the bot token.").max(200) }))
    .mutation(({ ctx, input }) => connectBot(ctx, ctx.env, input.token)),
  update: editorProcedure
    .input(
      z.object({
        id: z.string().uuid(),
        entryFlowId: z.string().uuid().nullable().optional(),
        deliveryMode: z.enum(["polling", "webhook"]).optional(),
        waitForStart: z.boolean().optional(),
        enabled: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateBot(ctx, input)),
  remove: editorProcedure
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) => removeBot(ctx, input.id)),
});
