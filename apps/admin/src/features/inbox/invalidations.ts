/*
 * What the inbox refetches when the realtime feed announces something. Events are small on purpose
 * (type, conversation, bot, a tiny payload): the client refetches what an event names. Pure: the
 * feed hook maps these targets to tRPC query keys.
 */

export interface FeedEvent {
  type: string;
  conversationId: string | null;
  botId: string | null;
  payload: Record<string, unknown>;
}

export type Invalidation =
  /** Every page of every `inbox.list` (any view, search or bot). */
  | { target: "list" }
  /** `inbox.counts` (the tabs). */
  | { target: "counts" }
  /** `inbox.conversation` of one conversation (only refetched while someone shows it). */
  | { target: "conversation"; id: string }
  /** `inbox.operators` of every bot: the assign menu's presence and open chats. */
  | { target: "operators" }
  /** `presence.list`. */
  | { target: "presence" };

const LIST: Invalidation = { target: "list" };
const COUNTS: Invalidation = { target: "counts" };
const OPERATORS: Invalidation = { target: "operators" };
const PRESENCE: Invalidation = { target: "presence" };

/** The queries one event makes stale. */
export function invalidationsFor(event: FeedEvent): Invalidation[] {
  const conversation: Invalidation[] = event.conversationId
    ? [{ target: "conversation", id: event.conversationId }]
    : [];
  switch (event.type) {
    // A message in or out: the row's preview, time and unread; the tabs' unread; the transcript.
    case "message":
      return [LIST, COUNTS, ...conversation];
    // Taken, assigned, transferred, closed, returned, a contact edited: rows move between views, and
    // the operators' open chats change.
    case "conversation":
      return [LIST, COUNTS, ...conversation, OPERATORS];
    // The waiting list of a bot changed (someone queued, or left the queue).
    case "queue":
      return [LIST, COUNTS, OPERATORS];
    // A private note: only the timeline shows notes (lists and counts don't change).
    case "note":
      return conversation;
    case "presence":
      return [OPERATORS, PRESENCE];
    // A kind of event this client doesn't know yet: refetch the lists, to be safe.
    default:
      return [LIST, COUNTS, ...conversation];
  }
}

const keyOf = (i: Invalidation) => (i.target === "conversation" ? `conversation:${i.id}` : i.target);

/** Several events' targets without repeats (a burst of events refetches each query once). */
export function mergeInvalidations(lists: Invalidation[][]): Invalidation[] {
  const seen = new Map<string, Invalidation>();
  for (const list of lists) for (const i of list) if (!seen.has(keyOf(i))) seen.set(keyOf(i), i);
  return [...seen.values()];
}
