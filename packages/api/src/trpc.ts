import { memberships } from "@switchboard/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause.issues : null;
    return { ...shape, data: { ...shape.data, zodIssues: zod } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every workspace procedure: a signed-in member. The workspace comes from the membership, never from
 * the client, so a caller can only ever reach their own workspace's rows.
 */
export const workspaceProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  const [membership] = await ctx.db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, ctx.userId))
    .limit(1);
  if (!membership)
    throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of any workspace." });
  return next({
    ctx: { ...ctx, userId: ctx.userId, workspaceId: membership.workspaceId, role: membership.role },
  });
});

/** Owners and marketers change bots and flows; operators only work the inbox. */
export const editorProcedure = workspaceProcedure.use(({ ctx, next }) => {
  if (ctx.role === "operator")
    throw new TRPCError({ code: "FORBIDDEN", message: "Operators can't change bots or flows." });
  return next();
});

export type WorkspaceScope = { db: Context["db"]; workspaceId: string; userId: string };
