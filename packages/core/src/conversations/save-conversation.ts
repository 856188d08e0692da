import { batchRows, statement } from "@switchboard/db";

/** A conversation after an event: what dispatchEvent writes back. */
export interface ConversationSave {
  id: string;
  /** The engine's state. */
  state: unknown;
  status: string;
  stepId: string | null;
  versionId: string;
  /** null: the bot's entry flow. */
  flowId: string | null;
  contactId: string;
  /** The analytics counters it counts in today. */
  countedToday: unknown;
}

/** SAVE_CONVERSATIONS' parameters. */
export function saveParams(saves: readonly ConversationSave[]): unknown[] {
  return [
    JSON.stringify(
      saves.map((s) => ({
        id: s.id,
        state: s.state,
        status: s.status,
        step_id: s.stepId,
        version_id: s.versionId,
        flow_id: s.flowId,
        contact_id: s.contactId,
        counted_today: s.countedToday,
      })),
    ),
  ];
}

/**
 * $1 the conversations after their events, as a JSON array (saveParams): one or several (a batch of
 * chats, DeferredWrites) in one statement. Returns the rows as written.
 */
export const SAVE_CONVERSATIONS = statement(`
  update conversations c
  set state = v.state, status = v.status::conversation_status, current_step_id = v.step_id,
    flow_version_id = v.version_id, flow_id = v.flow_id, contact_id = v.contact_id,
    counted_today = v.counted_today, last_message_at = now(), updated_at = clock_timestamp()
  from ${batchRows(
    "$1",
    "v",
    "id uuid, state jsonb, status text, step_id text, version_id uuid, flow_id uuid, contact_id uuid, counted_today jsonb",
  )}
  where c.id = v.id
  returning c.*`);
