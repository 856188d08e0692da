import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bots } from "./bots";
import { createdAt, id, updatedAt } from "./columns";
import { conversations } from "./conversations";
import { workspaces } from "./workspaces";

/**
 * - pending: waiting for a runtime to perform it.
 * - running: claimed by a runtime until `claimed_until` (the call is in flight).
 * - done: its result went back to the conversation (`result_status` / `result_error`).
 */
export const httpJobStatus = pgEnum("http_job_status", ["pending", "running", "done"]);

/**
 * HTTP request steps' calls: written by the core in the conversation's transaction when the engine
 * asks for a request, performed by a runtime outside any transaction, and closed in the transaction
 * that delivers the result to the conversation under its chat lock. The stored request never holds
 * secret values: header parts name workspace secrets, which only the runtime's worker reads.
 */
export const httpJobs = pgTable(
  "http_jobs",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    /** The engine's request id ("<stepId>:<seq>"), unique per conversation. */
    requestId: text("request_id").notNull(),
    method: text("method").notNull(),
    /** The rendered request (flow's HttpRequestSpec), secrets as references. */
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    status: httpJobStatus("status").notNull().default("pending"),
    /** Times a runtime claimed it. */
    attempts: integer("attempts").notNull().default(0),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    resultStatus: integer("result_status"),
    resultError: text("result_error"),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("http_jobs_open_idx").on(t.createdAt).where(sql`${t.status} <> 'done'`),
    index("http_jobs_conversation_idx").on(t.conversationId, t.requestId),
  ],
);

export type HttpJobRow = typeof httpJobs.$inferSelect;

/**
 * Values flows may send in HTTP headers (`{{secrets.NAME}}`), encrypted like bot tokens
 * (encryptSecret). Write-only from the admin: names and dates are listed, values never leave the
 * server except in the runtime's outgoing request.
 */
export const workspaceSecrets = pgTable(
  "workspace_secrets",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    valueEncrypted: text("value_encrypted").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.name] })],
);
