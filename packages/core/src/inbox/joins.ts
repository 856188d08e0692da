import { conversationAssignments, conversationReads, conversations, user } from "@switchboard/db";
import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

/** The member who has the conversation now (joined through its open assignment). */
export const assignee = alias(user, "assignee");

/** Join condition: the conversation's open assignment, if any (at most one; a partial unique index). */
export const openAssignmentOfConversation = and(
  eq(conversationAssignments.conversationId, conversations.id),
  isNull(conversationAssignments.endedAt),
);

/** Join condition: the caller's read mark on the conversation. */
export const readMarkOf = (userId: string) =>
  and(eq(conversationReads.conversationId, conversations.id), eq(conversationReads.userId, userId));
