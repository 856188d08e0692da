import { botsRouter } from "./domains/bots/router";
import { conversationsRouter } from "./domains/conversations/router";
import { flowsRouter } from "./domains/flows/router";
import { sandboxRouter } from "./domains/sandbox/router";
import { workspaceRouter } from "./domains/workspaces/router";
import { router } from "./trpc";

export const appRouter = router({
  workspace: workspaceRouter,
  bots: botsRouter,
  flows: flowsRouter,
  conversations: conversationsRouter,
  sandbox: sandboxRouter,
});

export type AppRouter = typeof appRouter;
