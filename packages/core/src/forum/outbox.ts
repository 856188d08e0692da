import { contacts, forumTopics, topicOutbox } from "@switchboard/db";
import { and, asc, eq, inArray, min, sql } from "drizzle-orm";
import type { Db, Executor } from "../db";
import { lockTopic, notifyTopicOutbox } from "./channel";
import { coalesceLines, topicName, topicTextParts } from "./text";
import { entitiesFrom, plainTopicText, type TopicEntity, type TopicText } from "./topic-entities";

/*
 * The topic outbox: what goes to the operators' group, kept apart from the customers' outbox so the
 * group's limit (about 20 messages a minute) never holds up a customer's chat. The same protocol as the
 * main outbox (outbox/delivery-store.ts): rows written in the transaction of the change they describe,
 * claimed with a lease under a lock so two runtimes never send a line twice or out of order, sent
 * holding no connection, then recorded. Lines are never dropped: a failure backs off and retries.
 * A topic is one customer (contact) of one bot in one group.
 */

/** How long claimed lines belong to the process sending them; after that (a crash) anyone may retry. */
export const TOPIC_LEASE_MS = 30_000;

export interface TopicKey {
  botId: string;
  groupChatId: number;
  contactId: string;
}

export interface TopicTarget extends TopicKey {
  /** The conversation the line is about (null: about the customer in general). */
  conversationId: string | null;
}

/**
 * Queues text for a customer's topic (split at Telegram's limit, one row each, so every row can always
 * be sent alone), with its formatting if it has any, and wakes the runtimes at commit. Blank text
 * queues nothing.
 */
export async function enqueueTopicText(
  tx: Executor,
  target: TopicTarget,
  line: string | TopicText,
): Promise<number> {
  const parts = topicTextParts(typeof line === "string" ? plainTopicText(line) : line);
  // One statement per row: each gets its own clock_timestamp(), which is the rows' order.
  for (const part of parts)
    await tx.insert(topicOutbox).values({
      botId: target.botId,
      groupChatId: target.groupChatId,
      contactId: target.contactId,
      conversationId: target.conversationId,
      text: part.text,
      entities: part.entities.length ? (part.entities as unknown as Record<string, unknown>[]) : null,
    });
  if (parts.length) await notifyTopicOutbox(tx, target.botId);
  return parts.length;
}

/** Topics of a bot with lines waiting, the one waiting longest first. */
export async function pendingTopics(db: Executor, botId: string): Promise<TopicKey[]> {
  const rows = await db
    .select({
      groupChatId: topicOutbox.groupChatId,
      contactId: topicOutbox.contactId,
      oldest: min(topicOutbox.createdAt),
    })
    .from(topicOutbox)
    .where(and(eq(topicOutbox.botId, botId), eq(topicOutbox.status, "pending")))
    .groupBy(topicOutbox.groupChatId, topicOutbox.contactId)
    .orderBy(asc(min(topicOutbox.createdAt)));
  return rows.map((r) => ({ botId, groupChatId: r.groupChatId, contactId: r.contactId }));
}

export interface TopicBatch extends TopicKey {
  /** The claimed rows, oldest first: all of them go out as `text`. */
  ids: string[];
  text: string;
  /** The text's formatting: each row's entities, moved to where its line starts in `text`. */
  entities: TopicEntity[];
  /** Attempts so far at the oldest row, this one included (for the backoff). */
  attempts: number;
  /** The customer's topic in this group, or null: create it (named `name`) first. */
  messageThreadId: number | null;
  name: string;
}

export type TopicClaim =
  | { kind: "claimed"; batch: TopicBatch }
  | { kind: "done" }
  | { kind: "wait"; ms: number };

/** At most this many rows are read per claim (their text is coalesced up to 4,096 characters anyway). */
const CLAIM_WINDOW = 200;

/**
 * Claims the topic's oldest pending lines, as many as fit in one Telegram message (so lines that piled
 * up while the group was throttled go out together), under the topic's lock with a lease. `done` when
 * nothing is pending or another process is sending this topic; `wait` while it backs off.
 */
export async function claimTopicBatch(db: Db, key: TopicKey, maxWaitMs: number): Promise<TopicClaim> {
  return db.transaction(async (tx) => {
    await lockTopic(tx, key);
    const rows = await tx
      .select({
        id: topicOutbox.id,
        text: topicOutbox.text,
        entities: topicOutbox.entities,
        attempts: topicOutbox.attempts,
        notBefore: topicOutbox.notBefore,
        leasedUntil: topicOutbox.leasedUntil,
      })
      .from(topicOutbox)
      .where(
        and(
          eq(topicOutbox.botId, key.botId),
          eq(topicOutbox.groupChatId, key.groupChatId),
          eq(topicOutbox.contactId, key.contactId),
          eq(topicOutbox.status, "pending"),
        ),
      )
      .orderBy(asc(topicOutbox.createdAt), asc(topicOutbox.id))
      .limit(CLAIM_WINDOW);
    const first = rows[0];
    if (!first) return { kind: "done" as const };
    const now = Date.now();
    if (first.leasedUntil && first.leasedUntil.getTime() > now) return { kind: "done" as const };
    if (first.notBefore && first.notBefore.getTime() > now)
      return { kind: "wait" as const, ms: Math.min(first.notBefore.getTime() - now, maxWaitMs) };
    const free: typeof rows = [];
    for (const r of rows) {
      if ((r.leasedUntil && r.leasedUntil.getTime() > now) || (r.notBefore && r.notBefore.getTime() > now))
        break;
      free.push(r);
    }
    const { count, text, entities } = coalesceLines(
      free.map((r) => ({ text: r.text, entities: entitiesFrom(r.entities, r.text) })),
    );
    const ids = free.slice(0, count).map((r) => r.id);
    await tx
      .update(topicOutbox)
      .set({ leasedUntil: new Date(now + TOPIC_LEASE_MS), attempts: sql`${topicOutbox.attempts} + 1` })
      .where(inArray(topicOutbox.id, ids));
    const [topic] = await tx
      .select()
      .from(forumTopics)
      .where(and(eq(forumTopics.botId, key.botId), eq(forumTopics.contactId, key.contactId)));
    const [contact] = await tx
      .select({
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        username: contacts.username,
        telegramUserId: contacts.telegramUserId,
      })
      .from(contacts)
      .where(eq(contacts.id, key.contactId));
    return {
      kind: "claimed" as const,
      batch: {
        ...key,
        ids,
        text,
        entities,
        attempts: first.attempts + 1,
        // A topic in another group (the setting changed) does not count: this group gets its own.
        messageThreadId: topic && topic.groupChatId === key.groupChatId ? topic.messageThreadId : null,
        name: topicName(contact ?? { firstName: "" }),
      },
    };
  });
}

/** The lines went out (one message). */
export async function recordTopicSent(db: Executor, ids: string[]) {
  await db
    .update(topicOutbox)
    .set({ status: "sent", sentAt: new Date(), leasedUntil: null, error: null })
    .where(inArray(topicOutbox.id, ids));
}

/** Not before `ms` from now, whichever process sends them (Telegram's retry_after, or backoff). */
export async function retryTopicLater(db: Executor, ids: string[], ms: number, error: string | null = null) {
  await db
    .update(topicOutbox)
    .set({
      leasedUntil: null,
      notBefore: new Date(Date.now() + ms),
      ...(error !== null ? { error: error.slice(0, 2000) } : {}),
    })
    .where(inArray(topicOutbox.id, ids));
}

/** Left pending, lease cleared (the bot stopped for a revoked token). */
export async function releaseTopicLines(db: Executor, ids: string[]) {
  await db.update(topicOutbox).set({ leasedUntil: null }).where(inArray(topicOutbox.id, ids));
}

/** The customer's topic, created once per (bot, contact) and reused for their later conversations. */
export async function saveTopic(
  db: Executor,
  topic: TopicKey & { messageThreadId: number; name: string },
): Promise<void> {
  await db
    .insert(forumTopics)
    .values(topic)
    .onConflictDoUpdate({
      target: [forumTopics.botId, forumTopics.contactId],
      set: {
        groupChatId: topic.groupChatId,
        messageThreadId: topic.messageThreadId,
        name: topic.name,
        createdAt: sql`now()`,
      },
    });
}

/** Telegram says the topic is gone (deleted in the group): the next line creates a new one. */
export async function forgetTopic(db: Executor, key: TopicKey, messageThreadId: number) {
  await db
    .delete(forumTopics)
    .where(
      and(
        eq(forumTopics.botId, key.botId),
        eq(forumTopics.contactId, key.contactId),
        eq(forumTopics.groupChatId, key.groupChatId),
        eq(forumTopics.messageThreadId, messageThreadId),
      ),
    );
}

/** True when the customer has no topic in this group and no line is waiting to go there. */
export async function topicOutboxIdle(db: Executor, key: TopicKey): Promise<boolean> {
  const [topic] = await db
    .select({ groupChatId: forumTopics.groupChatId })
    .from(forumTopics)
    .where(and(eq(forumTopics.botId, key.botId), eq(forumTopics.contactId, key.contactId)));
  if (topic?.groupChatId === key.groupChatId) return false;
  const [pending] = await db
    .select({ id: topicOutbox.id })
    .from(topicOutbox)
    .where(
      and(
        eq(topicOutbox.botId, key.botId),
        eq(topicOutbox.groupChatId, key.groupChatId),
        eq(topicOutbox.contactId, key.contactId),
        eq(topicOutbox.status, "pending"),
      ),
    )
    .limit(1);
  return !pending;
}

/** Sent lines are kept this long (for looking into what the group got), then deleted by the runtime's sweep. */
export async function pruneTopicOutbox(db: Executor, keep = "7 days") {
  await db.execute(
    sql`delete from ${topicOutbox} where ${topicOutbox.status} = 'sent' and ${topicOutbox.sentAt} < now() - ${keep}::interval`,
  );
}

/** The topic a group message was written in: whose it is, or null for a topic that is not a customer's. */
export async function topicByThread(
  db: Executor,
  botId: string,
  groupChatId: number,
  messageThreadId: number,
) {
  const [row] = await db
    .select()
    .from(forumTopics)
    .where(
      and(
        eq(forumTopics.botId, botId),
        eq(forumTopics.groupChatId, groupChatId),
        eq(forumTopics.messageThreadId, messageThreadId),
      ),
    );
  return row ?? null;
}
