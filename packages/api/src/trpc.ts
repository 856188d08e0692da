import { DomainError, type DomainErrorCode, forbidden, isDomainError } from "@switchboard/core";
import { memberships } from "@switchboard/db";
import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context";

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

const toTRPCError = (error: DomainError) =>
  new TRPCError({ code: TRPC_CODE_OF[error.code], message: error.message, cause: error });

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause.issues : null;
    const domain = isDomainError(error.cause) ? error.cause : null;
    return {
      ...shape,
      data: {
        ...shape.data,
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

export const router = t.router;
/** Every procedure starts here, so the mapping above sees every error, the auth checks' included. */
export const publicProcedure = t.procedure.use(domainErrors);
export const createCallerFactory = t.createCallerFactory;

/**
 * Every workspace procedure: a signed-in member. The workspace comes from the membership, never from
 * the client, so a caller can only ever reach their own workspace's rows.
 */
export const workspaceProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.userId) throw new DomainError("UNAUTHENTICATED", "Sign in first.");
  const [membership] = await ctx.db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, ctx.userId))
    .limit(1);
  if (!membership) throw forbidden("You are not a member of any workspace.");
  return next({
    ctx: { ...ctx, userId: ctx.userId, workspaceId: membership.workspaceId, role: membership.role },
  });
});

/** Owners and marketers change bots and flows; operators only work the inbox. */
export const editorProcedure = workspaceProcedure.use(({ ctx, next }) => {
  if (ctx.role === "operator") throw forbidden("Operators can't change bots or flows.");
  return next();
});

export type WorkspaceScope = { db: Context["db"]; workspaceId: string; userId: string };
