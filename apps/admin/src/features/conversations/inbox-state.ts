/*
 * What a conversation's status means in the admin, and what the viewer may do in the inbox.
 * Pure: the pages feed it conversations.* answers and inbox.queue.
 */

export type ConversationStatusValue = "bot" | "operator" | "closed" | "blocked";
/** "operator" split in two: still in the queue (`waiting`) or taken by someone (`operator`). */
export type DisplayStatus = "waiting" | "operator" | "bot" | "closed" | "blocked";
export type StatusFilter = "" | DisplayStatus;

export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: "", label: "All statuses" },
  { value: "waiting", label: "Waiting for an operator" },
  { value: "operator", label: "With an operator" },
  { value: "bot", label: "With the bot" },
  { value: "closed", label: "Closed" },
  { value: "blocked", label: "Blocked" },
];

export interface Queue {
  waiting: { conversationId: string; inMyPool: boolean; waitingSince: Date }[];
  mine: { conversationId: string }[];
}

export function displayStatus(
  status: ConversationStatusValue,
  conversationId: string,
  waitingIds: ReadonlySet<string>,
): DisplayStatus {
  if (status === "operator") return waitingIds.has(conversationId) ? "waiting" : "operator";
  return status;
}

/** The `conversations.list` input for a filter: both operator filters ask for `operator`. */
export function listInput(filter: StatusFilter, botId: string, limit = 200) {
  const status: ConversationStatusValue | undefined =
    filter === "" ? undefined : filter === "waiting" ? "operator" : filter;
  return { limit, ...(botId ? { botId } : {}), ...(status ? { status } : {}) };
}

export function matchesFilter(filter: StatusFilter, status: DisplayStatus): boolean {
  return filter === "" || filter === status;
}

export type Role = "owner" | "marketer" | "operator";

export type InboxView =
  /** Not with an operator: nothing to do in the inbox. */
  | { kind: "none" }
  /** In the queue. Owners may close it or hand it back before anyone takes it. */
  | { kind: "waiting"; canTake: boolean; canManage: boolean; since: Date }
  /** The viewer has it: reply, close, return to the bot. */
  | { kind: "mine" }
  /** Someone else has it. Only owners may step in (close or return). */
  | { kind: "other"; canManage: boolean };

export function inboxView(
  status: ConversationStatusValue,
  conversationId: string,
  queue: Queue | undefined,
  role: Role | undefined,
): InboxView {
  if (status !== "operator") return { kind: "none" };
  const isOwner = role === "owner";
  const waiting = queue?.waiting.find((w) => w.conversationId === conversationId);
  if (waiting)
    return { kind: "waiting", canTake: waiting.inMyPool, canManage: isOwner, since: waiting.waitingSince };
  if (queue?.mine.some((m) => m.conversationId === conversationId)) return { kind: "mine" };
  return { kind: "other", canManage: isOwner };
}
