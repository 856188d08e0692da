import { type ConversationRow, httpJobs } from "@switchboard/db";
import type { HttpMethod, HttpRequestSpec, HttpResult } from "@switchboard/flow";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { CHANNELS } from "../channels";
import { type CoreEnv, dispatchEvent } from "../conversations/dispatch";
import { lockConversation } from "../conversations/open";
import type { Db, Executor } from "../db";
import { isDomainError } from "../errors";

/*
 * The queue of HTTP request steps' calls (http_jobs). The core writes a job in the conversation's
 * transaction when the engine asks for a request; a runtime claims it with a lease, performs the call
 * outside any transaction, and hands the result back here, where it is dispatched to the conversation
 * under its chat lock and the job is closed in the same transaction (exactly once).
 */

/** A claimed call belongs to its runtime for its timeout plus this margin; then it counts as interrupted. */
export const HTTP_LEASE_MARGIN_MS = 60_000;

/** Methods that may be sent again after a crash: repeating them does not change the outcome. */
export const IDEMPOTENT_METHODS: readonly string[] = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"];

export const INTERRUPTED_NOT_RETRIED = "interrupted; not retried (not idempotent)";
export const INTERRUPTED_TWICE = "interrupted twice; not retried again";

export interface HttpJob {
  id: string;
  workspaceId: string;
  botId: string;
  conversationId: string;
  requestId: string;
  request: HttpRequestSpec;
  /** Claims so far, this one included: more than 1 means an earlier runtime died mid-call. */
  attempts: number;
}

/**
 * What to do with a claimed job: perform it, or (after a crash mid-call) fail it cleanly. The first
 * claim performs; an idempotent method (GET, HEAD, PUT, DELETE) is retried once after an
 * interruption; POST and PATCH are never sent twice.
 */
export function claimedJobPlan(
  method: HttpMethod | string,
  attempts: number,
): { perform: true } | { perform: false; error: string } {
  if (attempts <= 1) return { perform: true };
  if (!IDEMPOTENT_METHODS.includes(method)) return { perform: false, error: INTERRUPTED_NOT_RETRIED };
  if (attempts === 2) return { perform: true };
  return { perform: false, error: INTERRUPTED_TWICE };
}

/** Queues the call in the conversation's transaction; runtimes wake on NOTIFY when it commits. */
export async function enqueueHttpJob(
  tx: Executor,
  conversation: Pick<ConversationRow, "id" | "workspaceId" | "botId">,
  action: { stepId: string; requestId: string; request: HttpRequestSpec },
): Promise<void> {
  await tx.insert(httpJobs).values({
    workspaceId: conversation.workspaceId,
    botId: conversation.botId,
    conversationId: conversation.id,
    stepId: action.stepId,
    requestId: action.requestId,
    method: action.request.method,
    request: action.request as unknown as Record<string, unknown>,
  });
  await tx.execute(sql`select pg_notify(${CHANNELS.http}, ${conversation.botId})`);
}

/**
 * Claims open calls: pending ones, and running ones whose lease ran out (their runtime died).
 * `FOR UPDATE SKIP LOCKED` so runtimes take different rows; `attempts` counts the claims.
 */
export async function claimHttpJobs(db: Db, limit: number): Promise<HttpJob[]> {
  const rows = await db.execute(sql`
    update ${httpJobs} set status = 'running', attempts = attempts + 1,
      claimed_until = now() + (coalesce((request->>'timeoutMs')::int, 30000) + ${HTTP_LEASE_MARGIN_MS}) * interval '1 millisecond'
    where id in (
      select id from ${httpJobs}
      where status = 'pending' or (status = 'running' and claimed_until < now())
      order by created_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = (rows as unknown as { id: string }[]).map((r) => r.id);
  if (ids.length === 0) return [];
  const claimed = await db
    .select({
      id: httpJobs.id,
      workspaceId: httpJobs.workspaceId,
      botId: httpJobs.botId,
      conversationId: httpJobs.conversationId,
      requestId: httpJobs.requestId,
      request: httpJobs.request,
      attempts: httpJobs.attempts,
    })
    .from(httpJobs)
    .where(inArray(httpJobs.id, ids));
  return claimed.map((r) => ({ ...r, request: r.request as unknown as HttpRequestSpec }));
}

/**
 * Hands a call's result to its conversation: under the chat's lock, the job must still be open; the
 * engine's reaction and the "done" mark commit together. "stale" when another runtime finished it or
 * the conversation is gone.
 */
export async function deliverHttpResult(
  db: Db,
  job: Pick<HttpJob, "id" | "conversationId">,
  result: Omit<HttpResult, "requestId">,
  env: CoreEnv,
): Promise<"delivered" | "stale"> {
  try {
    return await db.transaction(async (tx) => {
      const conversation = await lockConversation(tx, job.conversationId);
      const [row] = await tx
        .select({ requestId: httpJobs.requestId })
        .from(httpJobs)
        .where(and(eq(httpJobs.id, job.id), ne(httpJobs.status, "done")))
        .for("update");
      if (!row) return "stale";
      await dispatchEvent(
        tx,
        conversation,
        {
          type: "http_result",
          requestId: row.requestId,
          status: result.status,
          error: result.error,
          ...(result.json !== undefined ? { json: result.json } : {}),
        },
        env,
      );
      await tx
        .update(httpJobs)
        .set({
          status: "done",
          claimedUntil: null,
          resultStatus: result.status,
          resultError: result.error?.slice(0, 2000) ?? null,
          finishedAt: sql`now()`,
        })
        .where(eq(httpJobs.id, job.id));
      return "delivered";
    });
  } catch (err) {
    if (isDomainError(err) && err.code === "NOT_FOUND") return "stale";
    throw err;
  }
}

/** Finished calls are kept this long (for support: what a step's call answered), then deleted. */
export const HTTP_JOB_RETENTION_DAYS = 7;

/** Deletes finished jobs older than the retention; answers how many. */
export async function pruneHttpJobs(db: Executor): Promise<number> {
  const rows = await db
    .delete(httpJobs)
    .where(
      and(
        eq(httpJobs.status, "done"),
        sql`${httpJobs.finishedAt} < now() - ${HTTP_JOB_RETENTION_DAYS} * interval '1 day'`,
      ),
    )
    .returning({ id: httpJobs.id });
  return rows.length;
}
