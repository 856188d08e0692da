import { authedProcedure, publicProcedure, router } from "../../trpc";
import { completeLoginOutput, describeLoginOutput, loginTokenInput } from "./schemas";
import { cancelLoginLink, confirmLoginLink, describeLoginLink } from "./service";

export const loginRouter = router({
  /** Public: the page shows what the link is before anyone signs in. */
  describe: publicProcedure
    .input(loginTokenInput)
    .output(describeLoginOutput)
    .query(({ ctx, input }) => describeLoginLink(ctx.db, input.token)),
  /** Any signed-in user; the core checks they are a member of the link's workspace. */
  confirm: authedProcedure
    .input(loginTokenInput)
    .output(completeLoginOutput)
    .mutation(({ ctx, input }) => confirmLoginLink(ctx.db, ctx.env, input.token, ctx.userId)),
  /** Public: the Telegram user who holds the link may refuse it without an account. */
  cancel: publicProcedure
    .input(loginTokenInput)
    .output(completeLoginOutput)
    .mutation(({ ctx, input }) => cancelLoginLink(ctx.db, ctx.env, input.token, ctx.userId)),
});
