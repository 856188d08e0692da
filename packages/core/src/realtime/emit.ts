import { realtimeEvents, run, statement } from "@switchboard/db";
import { sql } from "drizzle-orm";
import { CHANNELS, type RealtimeNotice } from "../channels";
import type { Executor } from "../db";

/**
 * What the inbox shows live. Small on purpose: a client refetches what it needs (the conversation, the
 * queue) when an event names it.
 */
export type RealtimeEvent =
  | { type: "message"; conversationId: string; botId: string; direction: "in" | "out" }
  | { type: "conversation"; conversationId: string; botId: string; status: string; assigneeId: string | null }
  | { type: "queue"; botId: string }
  | { type: "presence"; userId: string; status: "online" | "away" | "offline" }
  | { type: "note"; conversationId: string; botId: string };

export const REALTIME_EVENT_TYPES = ["message", "conversation", "queue", "presence", "note"] as const;

/**
 * Records an event in the feed and announces it, in the caller's transaction: it becomes visible, and
 * the NOTIFY is delivered, only if the change it describes commits. Ids are increasing, so a client
 * that reconnects asks for everything after the last id it saw.
 */
export async function emitRealtime(tx: Executor, workspaceId: string, event: RealtimeEvent): Promise<void> {
  await emitRealtimeMany(tx, workspaceId, [event]);
}

/** Several events in one round trip: the rows and one NOTIFY (RealtimeNotice: the newest id, the workspace). */
export async function emitRealtimeMany(
  tx: Executor,
  workspaceId: string,
  events: RealtimeEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await run(tx, EMIT, emitParams(workspaceId, events));
}

/** EMIT's parameters: a workspace's events, in order. */
export function emitParams(workspaceId: string, events: readonly RealtimeEvent[]): unknown[] {
  const rows = events.map((event) => {
    const { type, ...payload } = event;
    return {
      type,
      conversation_id: "conversationId" in event ? event.conversationId : null,
      bot_id: "botId" in event ? event.botId : null,
      payload,
    };
  });
  return [workspaceId, JSON.stringify(rows), CHANNELS.realtime];
}

/**
 * $1 workspace, $2 the events (type, conversation_id, bot_id, payload), $3 the channel. One NOTIFY for
 * them all, naming the newest: a notice only wakes the listeners (api realtime/hub.ts), who read every
 * event after the last one they saw; each NOTIFY costs the committing transaction time under Postgres's
 * notify-queue lock.
 */
export const EMIT = statement(`
  with inserted as (
    insert into realtime_events (workspace_id, type, conversation_id, bot_id, payload)
    select $1, e.type, e.conversation_id, e.bot_id, e.payload
    from jsonb_to_recordset($2::jsonb) as e(type text, conversation_id uuid, bot_id uuid, payload jsonb)
    returning id
  )
  select pg_notify($3, json_build_object('id', max(inserted.id), 'workspaceId', $1::text)::text)
  from inserted`);

/** The feed keeps a day: enough for any reconnect; older events are deleted by the runtime's sweep. */
export async function pruneRealtimeEvents(db: Executor, keep = "1 day") {
  await db.execute(sql`delete from ${realtimeEvents} where created_at < now() - ${keep}::interval`);
}

export function parseRealtimeNotice(payload: string): RealtimeNotice | null {
  try {
    const v = JSON.parse(payload) as Partial<RealtimeNotice>;
    return typeof v.id === "number" && typeof v.workspaceId === "string"
      ? { id: v.id, workspaceId: v.workspaceId }
      : null;
  } catch {
    return null;
  }
}
