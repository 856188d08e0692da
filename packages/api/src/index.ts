export { type ApiEnv, apiEnvFromProcess, type Context, createContext } from "./context";
export { connectBot } from "./domains/bots/service";
export { createFlow, publishFlow } from "./domains/flows/service";
export { welcomeFlow } from "./domains/flows/templates";
export { ensurePersonalWorkspace } from "./domains/workspaces/service";
export { type AppRouter, appRouter } from "./router";
export { createCallerFactory } from "./trpc";
