import { z } from "zod";
import { router, workspaceProcedure } from "../../trpc";
import { conversationTranscript, listConversations } from "./service";

export const conversationsRouter = router({
  list: workspaceProcedure
    .input(
      z
        .object({ botId: z.string().uuid().optional(), limit: z.number().int().min(1).max(500).default(100) })
        .default({ limit: 100 }),
    )
    .query(({ ctx, input }) => listConversations(ctx, input)),
  transcript: workspaceProcedure
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) => conversationTranscript(ctx, input.id)),
});
