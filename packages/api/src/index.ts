export {
  type ApiEnv,
  apiEnvFromProcess,
  type Context,
  createContext,
  invitationEnvOf,
  lazyFileStorage,
  type ProcedureCall,
  realtimeHubFor,
  realtimeSubscriberCount,
} from "./context";
export { type BotTokenEnv, connectBot } from "./domains/bots/service";
export {
  readStoredFile,
  type StepMediaUpload,
  uploadAttachment,
  uploadStepMedia,
} from "./domains/files/service";
export { createFlow, publishFlow } from "./domains/flows/service";
export { welcomeFlow } from "./domains/flows/templates";
export { ensurePersonalWorkspace } from "./domains/workspaces/service";
export { type AppRouter, appRouter } from "./router";
export { type ActorScope, type WorkspaceScope, workspaceScopeOf } from "./scope";
export { MAX_BATCH_SIZE, MAX_BODY_BYTES, serveTrpc } from "./serve-trpc";
export { createCallerFactory, httpStatusOf } from "./trpc";
