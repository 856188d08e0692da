import { randomUUID } from "node:crypto";
import {
  bots,
  type ContactRow,
  type ConversationRow,
  type WebhookDeliveryRow,
  webhookDeliveries,
} from "@switchboard/db";
import type { ConversationStatus, OutboundAction } from "@switchboard/flow";
import { and, eq, inArray, sql } from "drizzle-orm";
import { CHANNELS } from "../channels";
import type { Db, Executor } from "../db";
import { redactBotTokens } from "../redact";

/*
 * The delivery queue of Send-webhook steps (webhook_deliveries). The core writes a row with its JSON
 * payload in the step's transaction; a runtime claims due rows with a lease, POSTs them, and records
 * each attempt here: 2xx delivered; 410 Gone failed at once; anything else retried with exponential
 * backoff until 24 h after it was queued, then failed.
 */

/** The JSON body of a delivery (docs/webhooks.md). */
export interface WebhookPayload {
  id: string;
  event: "flow.webhook";
  createdAt: string;
  workspaceId: string;
  bot: { id: string; username: string };
  conversation: { id: string; status: ConversationStatus; stepId: string };
  contact: {
    id: string;
    telegramUserId: number | null;
    firstName: string;
    lastName: string | null;
    username: string | null;
    phone: string | null;
    email: string | null;
    tags: string[];
    fields: Record<string, string>;
  };
  variables: Record<string, string>;
  tracker: Record<string, string>;
  extra: Record<string, string>;
}

export interface WebhookRetryPolicy {
  /** Wait after the first failed attempt; doubled after each further one. */
  firstBackoffMs: number;
  /** The longest wait between two attempts. */
  maxBackoffMs: number;
  /** No attempt starts later than this after the delivery was queued: it fails instead. */
  giveUpAfterMs: number;
}

/** 30 s, 1 m, 2 m, 4 m, … at most 1 h apart, for 24 h. */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  firstBackoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
};

/** A claimed delivery belongs to its runtime this long (a POST times out after 10 s). */
export const WEBHOOK_LEASE_MS = 60_000;
/** What is kept of a receiver's answer. */
export const WEBHOOK_RESPONSE_KEEP = 1024;

/** The wait after the n-th failed attempt (n ≥ 1). */
export function webhookBackoffMs(failures: number, policy: WebhookRetryPolicy = DEFAULT_WEBHOOK_RETRY) {
  const n = Math.max(1, failures);
  return Math.min(policy.maxBackoffMs, policy.firstBackoffMs * 2 ** Math.min(n - 1, 40));
}

/** Wakes the runtimes' webhook workers (after commit). */
export async function notifyWebhooks(db: Executor, workspaceId: string) {
  await db.execute(sql`select pg_notify(${CHANNELS.webhooks}, ${workspaceId})`);
}

/** Queues a Send-webhook step's delivery in the conversation's transaction; answers its id. */
export async function enqueueWebhook(
  tx: Executor,
  input: {
    conversation: ConversationRow;
    contact: ContactRow;
    status: ConversationStatus;
    action: Extract<OutboundAction, { type: "send_webhook" }>;
  },
): Promise<string> {
  const { conversation, contact, action } = input;
  const [bot] = await tx
    .select({ id: bots.id, username: bots.username })
    .from(bots)
    .where(eq(bots.id, conversation.botId));
  const id = randomUUID();
  const payload: WebhookPayload = {
    id,
    event: "flow.webhook",
    createdAt: new Date().toISOString(),
    workspaceId: conversation.workspaceId,
    bot: { id: conversation.botId, username: bot?.username ?? "" },
    conversation: { id: conversation.id, status: input.status, stepId: action.stepId },
    contact: {
      id: contact.id,
      telegramUserId: contact.telegramUserId,
      firstName: contact.firstName,
      lastName: contact.lastName,
      username: contact.username,
      phone: contact.phone,
      email: contact.email,
      tags: contact.tags,
      fields: contact.fields,
    },
    variables: action.variables,
    tracker: contact.tracker,
    extra: action.extra,
  };
  const usable = isPostableUrl(action.url);
  await tx.insert(webhookDeliveries).values({
    id,
    workspaceId: conversation.workspaceId,
    botId: conversation.botId,
    conversationId: conversation.id,
    stepId: action.stepId,
    url: action.url.slice(0, 2048),
    payload,
    ...(usable
      ? {}
      : { status: "failed" as const, lastError: `Not an http(s) URL: "${action.url.slice(0, 200)}".` }),
  });
  if (usable) await notifyWebhooks(tx, conversation.workspaceId);
  return id;
}

/** A rendered URL worth POSTing to (a template may render to nothing or to garbage). */
export function isPostableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

export interface WebhookJob {
  id: string;
  workspaceId: string;
  url: string;
  payload: WebhookPayload;
  /** Attempts before this one. */
  attempts: number;
}

/**
 * Claims due deliveries: `FOR UPDATE SKIP LOCKED` so concurrent runtimes take different rows, and a
 * lease so a crash mid-POST hands the row to another runtime after `leaseMs` (the receiver may then
 * get it twice: it dedupes by the delivery id). Oldest due first.
 */
export async function claimDueWebhooks(
  db: Db,
  limit: number,
  leaseMs = WEBHOOK_LEASE_MS,
): Promise<WebhookJob[]> {
  const rows = await db.execute(sql`
    update ${webhookDeliveries} set claimed_until = now() + ${leaseMs} * interval '1 millisecond'
    where id in (
      select d.id from ${webhookDeliveries} d
      where d.status = 'pending' and d.next_attempt_at <= now()
        and (d.claimed_until is null or d.claimed_until < now())
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked
    )
    returning id`);
  const ids = (rows as unknown as { id: string }[]).map((r) => r.id);
  if (ids.length === 0) return [];
  const claimed = await db
    .select({
      id: webhookDeliveries.id,
      workspaceId: webhookDeliveries.workspaceId,
      url: webhookDeliveries.url,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
    })
    .from(webhookDeliveries)
    .where(inArray(webhookDeliveries.id, ids));
  return claimed.map((r) => ({ ...r, payload: r.payload as WebhookPayload }));
}

/** What one POST came to: an HTTP answer, or an error before one (timeout, refused, DNS, SSRF guard). */
export type WebhookAttempt =
  | { kind: "response"; statusCode: number; body: string }
  | { kind: "error"; error: string; final?: boolean };

/**
 * Records an attempt of a claimed delivery. Answers the delivery's status afterwards, or "stale" when
 * it was no longer this claim's to record (another runtime took it over after the lease ran out).
 */
export async function recordWebhookAttempt(
  db: Executor,
  job: WebhookJob,
  attempt: WebhookAttempt,
  policy: WebhookRetryPolicy = DEFAULT_WEBHOOK_RETRY,
): Promise<WebhookDeliveryRow["status"] | "stale"> {
  const attempts = job.attempts + 1;
  const answer =
    attempt.kind === "response"
      ? {
          lastStatusCode: attempt.statusCode,
          lastResponse: attempt.body.slice(0, WEBHOOK_RESPONSE_KEEP),
          lastError:
            attempt.statusCode >= 200 && attempt.statusCode < 300 ? null : `HTTP ${attempt.statusCode}`,
        }
      : {
          lastStatusCode: null,
          lastResponse: null,
          lastError: redactBotTokens(attempt.error).slice(0, 2000),
        };
  const delivered = attempt.kind === "response" && attempt.statusCode >= 200 && attempt.statusCode < 300;
  const finalFailure =
    (attempt.kind === "response" && attempt.statusCode === 410) ||
    (attempt.kind === "error" && attempt.final);
  const backoffMs = webhookBackoffMs(attempts, policy);
  const status = delivered
    ? sql`'delivered'::webhook_delivery_status`
    : finalFailure
      ? sql`'failed'::webhook_delivery_status`
      : sql`case when now() + ${backoffMs} * interval '1 millisecond' > ${webhookDeliveries.queuedAt} + ${policy.giveUpAfterMs} * interval '1 millisecond'
          then 'failed'::webhook_delivery_status else 'pending'::webhook_delivery_status end`;
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      ...answer,
      attempts,
      status,
      claimedUntil: null,
      lastAttemptAt: sql`now()`,
      nextAttemptAt: sql`now() + ${backoffMs} * interval '1 millisecond'`,
      ...(delivered ? { deliveredAt: sql`now()` } : {}),
    })
    .where(
      and(
        eq(webhookDeliveries.id, job.id),
        eq(webhookDeliveries.status, "pending"),
        eq(webhookDeliveries.attempts, job.attempts),
      ),
    )
    .returning({ status: webhookDeliveries.status });
  return row?.status ?? "stale";
}

/** Finished deliveries stay in the log this long (what the Webhooks page shows), then go. */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;

/**
 * Deletes delivered and failed deliveries older than the retention; pending ones (still retrying, at
 * most a day old) are never touched. Answers how many went. The runtime calls it hourly.
 */
export async function pruneWebhookDeliveries(db: Executor): Promise<number> {
  const rows = await db
    .delete(webhookDeliveries)
    .where(
      and(
        inArray(webhookDeliveries.status, ["delivered", "failed"]),
        sql`${webhookDeliveries.createdAt} < now() - ${WEBHOOK_LOG_RETENTION_DAYS} * interval '1 day'`,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
