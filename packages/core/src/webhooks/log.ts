import { bots, webhookDeliveries } from "@switchboard/db";
import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { invalid, notFound } from "../errors";
import { notifyWebhooks, type WebhookPayload } from "./queue";
import { assertWebhookEditor } from "./secrets";

/* The workspace's delivery log (admin → Webhooks): owners and marketers. */

export type WebhookDeliveryStatus = "pending" | "delivered" | "failed";

export interface WebhookDeliverySummary {
  id: string;
  botId: string | null;
  botUsername: string | null;
  conversationId: string | null;
  stepId: string | null;
  url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

export interface WebhookDeliveryDetail extends WebhookDeliverySummary {
  payload: WebhookPayload;
  lastResponse: string | null;
}

const summaryColumns = {
  id: webhookDeliveries.id,
  botId: webhookDeliveries.botId,
  botUsername: bots.username,
  conversationId: webhookDeliveries.conversationId,
  stepId: webhookDeliveries.stepId,
  url: webhookDeliveries.url,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastError: webhookDeliveries.lastError,
  createdAt: webhookDeliveries.createdAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
};

/** Only a pending delivery has a next attempt. */
const withNext = <T extends { status: WebhookDeliveryStatus; nextAttemptAt: Date | null }>(row: T): T => ({
  ...row,
  nextAttemptAt: row.status === "pending" ? row.nextAttemptAt : null,
});

/** "<createdAt ISO>|<id>" of the last row of a page. */
const cursorOf = (row: { createdAt: Date; id: string }) => `${row.createdAt.toISOString()}|${row.id}`;

function parseCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = cursor.split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()))
    throw invalid("That page of the delivery log does not exist.");
  return { createdAt, id };
}

/** Newest first, `limit` a page, filtered by status and bot. */
export async function listWebhookDeliveries(
  db: Executor,
  actor: Actor,
  input: { status?: WebhookDeliveryStatus; botId?: string; cursor?: string; limit?: number },
): Promise<{ items: WebhookDeliverySummary[]; nextCursor: string | null }> {
  assertWebhookEditor(actor);
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const where: SQL[] = [eq(webhookDeliveries.workspaceId, actor.workspaceId)];
  if (input.status) where.push(eq(webhookDeliveries.status, input.status));
  if (input.botId) where.push(eq(webhookDeliveries.botId, input.botId));
  if (input.cursor) {
    const c = parseCursor(input.cursor);
    where.push(
      or(
        lt(webhookDeliveries.createdAt, c.createdAt),
        and(eq(webhookDeliveries.createdAt, c.createdAt), sql`${webhookDeliveries.id} < ${c.id}`),
      )!,
    );
  }
  const rows = await db
    .select(summaryColumns)
    .from(webhookDeliveries)
    .leftJoin(bots, eq(bots.id, webhookDeliveries.botId))
    .where(and(...where))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(withNext);
  return { items: page, nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]!) : null };
}

/** One delivery with its payload and the last answer's body. */
export async function getWebhookDelivery(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<WebhookDeliveryDetail> {
  assertWebhookEditor(actor);
  const [row] = await db
    .select({
      ...summaryColumns,
      payload: webhookDeliveries.payload,
      lastResponse: webhookDeliveries.lastResponse,
    })
    .from(webhookDeliveries)
    .leftJoin(bots, eq(bots.id, webhookDeliveries.botId))
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.workspaceId, actor.workspaceId)));
  if (!row) throw notFound("Webhook delivery");
  return withNext({ ...row, payload: row.payload as WebhookPayload });
}

/**
 * Queues a delivery again, now, with the same payload and id (a receiver that processed it before
 * dedupes it); the 24 h of retries start over. A delivery being sent right now can't be redelivered.
 */
export async function redeliverWebhook(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<WebhookDeliveryDetail> {
  assertWebhookEditor(actor);
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      status: "pending",
      attempts: 0,
      nextAttemptAt: sql`now()`,
      queuedAt: sql`now()`,
      claimedUntil: null,
      deliveredAt: null,
    })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.workspaceId, actor.workspaceId),
        sql`(${webhookDeliveries.claimedUntil} is null or ${webhookDeliveries.claimedUntil} < now())`,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if (!row) {
    await getWebhookDelivery(db, actor, id); // NOT_FOUND when it is not this workspace's
    throw invalid("This delivery is being sent right now; try again in a minute.");
  }
  await notifyWebhooks(db, actor.workspaceId);
  return getWebhookDelivery(db, actor, id);
}
