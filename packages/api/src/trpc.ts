import { DomainError, type DomainErrorCode, isDomainError, redactBotTokens } from "@switchboard/core";
import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context";
import { assertEditor, workspaceScopeOf } from "./scope";
import { validationMessage } from "./validation-message";

export type { ActorScope, WorkspaceScope } from "./scope";

/**
 * The one place that knows tRPC error codes: domain code throws DomainError, this table says what a
 * client sees. A Record, so a new domain code does not compile until it is mapped here.
 */
const TRPC_CODE_OF: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  INVALID: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_LARGE: "PAYLOAD_TOO_LARGE",
  // Telegram or the sandbox did not answer as needed: an upstream failure (502), not this server's (503).
  UNAVAILABLE: "BAD_GATEWAY",
};

/** The same mapping as an HTTP status, for route handlers outside tRPC (file uploads). */
const HTTP_STATUS_OF: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_LARGE: 413,
  UNAVAILABLE: 502,
};
export const httpStatusOf = (error: DomainError) => HTTP_STATUS_OF[error.code];

const toTRPCError = (error: DomainError) =>
  new TRPCError({ code: TRPC_CODE_OF[error.code], message: error.message, cause: error });

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Live feeds (SSE): a ping every 15 s keeps proxies from closing a quiet stream, and the client
  // reconnects (with its last event id) when it hears nothing for 40 s.
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 40_000 },
  },
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause.issues : null;
    const domain = isDomainError(error.cause) ? error.cause : null;
    return {
      ...shape,
      // tRPC's own message for a failed input parse is the issues as JSON; people read sentences.
      // Redacted whatever its origin: an unexpected error's message (a Telegram client's, with a request
      // URL) reaches the client as INTERNAL_SERVER_ERROR and must never carry a bot token.
      message: redactBotTokens(zod ? validationMessage(zod) : shape.message),
      data: {
        ...shape.data,
        ...(shape.data.stack ? { stack: redactBotTokens(shape.data.stack) } : {}),
        zodIssues: zod,
        domainCode: domain?.code ?? null,
        details: domain?.details ?? null,
      },
    };
  },
});

/**
 * tRPC wraps whatever a resolver or an inner middleware throws as INTERNAL_SERVER_ERROR with the
 * original as `cause`; a DomainError there becomes its mapped code with its own message.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

/**
 * Reports each call's path, type, result and duration to `ctx.env.observeCall` (the admin's metrics).
 * Outside the domain-error mapping, so it sees the code a client gets.
 */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const observe = ctx.env.observeCall;
  if (!observe) return next();
  const started = performance.now();
  const result = await next();
  observe({
    path,
    type,
    result: result.ok ? "ok" : result.error.code,
    durationMs: performance.now() - started,
  });
  return result;
});

export const router = t.router;
/** Every procedure starts here, so the mapping above sees every error, the auth checks' included. */
export const publicProcedure = t.procedure.use(observed).use(domainErrors);
export const createCallerFactory = t.createCallerFactory;

/** A signed-in user, whatever their workspaces (confirming a login link checks the link's own workspace). */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new DomainError("UNAUTHENTICATED", "Sign in first.");
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

/**
 * Every workspace procedure: a signed-in member. The workspace is the session's (re-checked against the
 * memberships on every call, see workspaceScopeOf), never the client's input, so a caller can only
 * ever reach a workspace they belong to. `actor` is what the core's services take.
 */
export const workspaceProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const scope = await workspaceScopeOf(ctx.db, ctx.userId, ctx.sessionId);
  return next({ ctx: { ...ctx, ...scope, role: scope.actor.role } });
});

/** Owners and marketers change bots and flows; operators only work the inbox. */
export const editorProcedure = workspaceProcedure.use(({ ctx, next }) => {
  assertEditor(ctx.actor);
  return next();
});
