import { router, workspaceProcedure } from "../../trpc";
import { botInput, operatorPoolOutput } from "./schemas";
import { joinPool, leavePool, operatorPool } from "./service";

/** Any member may join or leave a bot's operators (for themselves only). */
export const operatorsRouter = router({
  pool: workspaceProcedure
    .input(botInput)
    .output(operatorPoolOutput)
    .query(({ ctx, input }) => operatorPool(ctx, input.botId)),
  join: workspaceProcedure
    .input(botInput)
    .output(operatorPoolOutput)
    .mutation(({ ctx, input }) => joinPool(ctx, input.botId)),
  leave: workspaceProcedure
    .input(botInput)
    .output(operatorPoolOutput)
    .mutation(({ ctx, input }) => leavePool(ctx, input.botId)),
});
