/*
 * What a conversation's status means in the Conversations list and filters.
 * Pure: the pages feed it conversations.* answers and inbox.queue.
 */

import type { ConversationDisplayStatus } from "@/components/conversation-status-badge";

export type ConversationStatusValue = "bot" | "operator" | "closed" | "blocked";
/** "operator" split in two: still in the queue (`waiting`) or taken by someone (`operator`). */
export type DisplayStatus = ConversationDisplayStatus;
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
