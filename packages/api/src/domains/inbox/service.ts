import {
  addConversationNote,
  assignableOperators,
  assignInInbox,
  closeConversation,
  contactPanel,
  inboxConversationState,
  inboxCounts,
  listInbox,
  markConversationRead,
  notesOfConversation,
  operatorQueueOf,
  replyAsOperator,
  returnToBot,
  takeConversation,
} from "@switchboard/core";
import { type ConversationRow, operatorPools } from "@switchboard/db";
import { eq } from "drizzle-orm";
import type { ApiEnv } from "../../context";
import type { ActorScope } from "../../trpc";
import { conversationTranscript } from "../conversations/service";
import type { InboxCountsInput, InboxListInput, TimelineItem } from "./schemas";

/*
 * The operator inbox. Every action runs in the core under the conversation's chat lock; what the flow
 * sends as a result ("connected", "completed", the `returned` branch) is queued in the outbox and
 * delivered by the runtime that runs the bot.
 */

const summary = (c: ConversationRow) => ({
  id: c.id,
  botId: c.botId,
  status: c.status,
  currentStepId: c.currentStepId,
  lastMessageAt: c.lastMessageAt,
});

export async function inboxQueue({ db, actor }: ActorScope) {
  const { waiting, mine } = await operatorQueueOf(db, actor);
  const pools = await db
    .select({ botId: operatorPools.botId })
    .from(operatorPools)
    .where(eq(operatorPools.userId, actor.userId));
  const myBots = new Set(pools.map((p) => p.botId));
  return { waiting: waiting.map((c) => ({ ...c, inMyPool: myBots.has(c.botId) })), mine };
}

export async function take({ db, actor }: ActorScope, env: ApiEnv, conversationId: string) {
  return summary(await takeConversation(db, actor, conversationId, env.core));
}

/** The operator's reply; with `fileId` (from `uploadAttachment`) a photo or document with the text as caption. */
export function reply(
  { db, actor }: ActorScope,
  input: { conversationId: string; text: string; fileId?: string | undefined },
) {
  return replyAsOperator(db, actor, input.conversationId, input.text, { fileId: input.fileId });
}

export async function close({ db, actor }: ActorScope, env: ApiEnv, conversationId: string) {
  return summary(await closeConversation(db, actor, conversationId, env.core));
}

export async function handBack(
  { db, actor }: ActorScope,
  env: ApiEnv,
  conversationId: string,
  stepId: string | undefined,
) {
  return summary(await returnToBot(db, actor, conversationId, stepId, env.core));
}

/** One page of a view of the inbox (waiting, mine, all, closed), with search. */
export function inboxList({ db, actor }: ActorScope, input: InboxListInput) {
  return listInbox(db, actor, input);
}

export function inboxCountsOf({ db, actor }: ActorScope, input: InboxCountsInput) {
  return inboxCounts(db, actor, input.botId);
}

/**
 * A conversation as the inbox opens it: where it stands, its transcript (as conversations.transcript
 * returns it) merged with the private notes in time order, and the contact panel.
 */
export async function inboxConversation(scope: ActorScope, id: string) {
  const { db, actor } = scope;
  // Independent reads, at once; the contact panel needs the state's contact.
  const [state, transcript, notes] = await Promise.all([
    inboxConversationState(db, actor, id),
    conversationTranscript(scope, id),
    notesOfConversation(db, actor, id),
  ]);
  const panel = await contactPanel(db, actor, state.contactId, id);
  const { contact: _contact, status: _status, ...conversation } = transcript.conversation;
  return {
    conversation: {
      ...conversation,
      status: state.status,
      currentStepId: state.currentStepId,
      waitingSince: state.waitingSince,
      queueStepId: state.queueStepId,
      assignee: state.assignee,
      readAt: state.readAt,
      unread: state.unread,
      inMyPool: state.inMyPool,
      flowId: state.flowId,
    },
    timeline: mergeTimeline(
      transcript.messages.map((m) => ({ kind: "message" as const, ...m })),
      notes.map((n) => ({ kind: "note" as const, ...n })),
    ),
    contact: panel.contact,
    customFields: panel.customFields,
    leads: panel.leads,
    otherConversations: panel.conversations,
  };
}

/** Two lists, each oldest first, as one: a note written at the same instant as a message comes after it. */
function mergeTimeline(
  messages: Extract<TimelineItem, { kind: "message" }>[],
  notes: Extract<TimelineItem, { kind: "note" }>[],
): TimelineItem[] {
  const out: TimelineItem[] = [];
  let n = 0;
  for (const m of messages) {
    while (n < notes.length && notes[n]!.createdAt < m.createdAt) out.push(notes[n++]!);
    out.push(m);
  }
  while (n < notes.length) out.push(notes[n++]!);
  return out;
}

export function markRead({ db, actor }: ActorScope, conversationId: string) {
  return markConversationRead(db, actor, conversationId);
}

/** A private note: kept with the conversation and shown in the inbox, never sent. */
export function addNote({ db, actor }: ActorScope, conversationId: string, text: string) {
  return addConversationNote(db, actor, conversationId, text);
}

/** Gives the conversation to `userId`: a waiting one, or a transfer (the core has the rules). */
export async function assign({ db, actor }: ActorScope, env: ApiEnv, conversationId: string, userId: string) {
  return summary(await assignInInbox(db, actor, conversationId, userId, env.core));
}

/** The bot's pool for the assign menu: presence, open chats, room for one more. */
export function operatorsFor({ db, actor }: ActorScope, botId: string) {
  return assignableOperators(db, actor, botId);
}
