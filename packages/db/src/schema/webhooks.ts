import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bots } from "./bots";
import { createdAt } from "./columns";
import { conversations } from "./conversations";
import { workspaces } from "./workspaces";

/**
 * A workspace's webhook signing secret (HMAC-SHA256 key of Send webhook deliveries), made on first
 * use, encrypted at rest like bot tokens (encryptSecret). Rotating replaces it at once.
 */
export const webhookSecrets = pgTable("webhook_secrets", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  secretEncrypted: text("secret_encrypted").notNull(),
  createdAt: createdAt(),
  rotatedAt: timestamp("rotated_at", { withTimezone: true }),
});

/**
 * - pending: waiting to be POSTed (or retried after `next_attempt_at`).
 * - delivered: the receiver answered 2xx.
 * - failed: 410 Gone, an unusable URL, or still failing 24 h after it was queued.
 */
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed"]);

/**
 * One Send-webhook POST: written with its JSON payload in the step's transaction, delivered by a
 * runtime in the background (claimed `FOR UPDATE SKIP LOCKED` with a lease; retried with exponential
 * backoff). The workspace's delivery log in the admin.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    /** Also the payload's `id` and the X-Switchboard-Delivery header: receivers dedupe by it. */
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    botId: uuid("bot_id").references(() => bots.id, { onDelete: "set null" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    stepId: text("step_id"),
    url: text("url").notNull(),
    /** The JSON body, exactly as POSTed (docs/webhooks.md). */
    payload: jsonb("payload").notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    /** POSTs tried so far (each one that got an answer or an error). */
    attempts: integer("attempts").notNull().default(0),
    /** Not to be tried before this time (backoff). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow().notNull(),
    /** A runtime is delivering it until then; after that (a crash) another may. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    /** The first 1 KB of the last answer's body. */
    lastResponse: text("last_response"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    createdAt: createdAt(),
    /** Retries stop 24 h after this: when it was queued, or queued again by hand (redeliver). */
    queuedAt: timestamp("queued_at", { withTimezone: true }).defaultNow().notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_workspace_idx").on(t.workspaceId, t.createdAt),
  ],
);

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
