import type { HeldStatement, HeldStatements } from "@switchboard/db";
import { run } from "@switchboard/db";
import type { Executor } from "../db";
import { claimedOf, ENQUEUE, enqueueParams, type OutboxWrite, type SendNow } from "../outbox/enqueue";
import { EMIT, emitParams, type RealtimeEvent } from "../realtime/emit";
import { type ConversationSave, SAVE_CONVERSATIONS, saveParams } from "./save-conversation";

/** What one dispatch leaves to write at its end: the conversation, its replies, its realtime events. */
export interface DispatchWrites {
  save: ConversationSave;
  outbox: OutboxWrite & { sendNow: SendNow };
  /** The conversation's realtime events (its workspace's feed: the outbox's conversation says which). */
  events: RealtimeEvent[];
}

/**
 * The end-of-dispatch writes of a batch of chats (the runtime's update batches), held back and sent as
 * one statement per kind — the conversations, the replies, the realtime events with one NOTIFY —
 * instead of three per chat: a statement's fixed cost, in Postgres and in the driver, was most of what
 * those writes cost. Held statements go out before the transaction's next statement of any kind
 * (HeldStatements, packages/db pipelined-transaction.ts), so whatever runs later reads them, as if each
 * chat had written its own at once; `drain` sends the rest and waits for all of it before the commit.
 * The replies a chat may send at once reach its `sendNow.claimed` when their statement answered.
 */
export class DeferredWrites implements HeldStatements {
  private held: DispatchWrites[] = [];
  private sent: Promise<void>[] = [];

  add(writes: DispatchWrites): void {
    this.held.push(writes);
  }

  take(): HeldStatement[] {
    if (this.held.length === 0) return [];
    const writes = this.held;
    this.held = [];
    const taken: HeldStatement[] = [
      {
        statement: SAVE_CONVERSATIONS,
        params: saveParams(writes.map((w) => w.save)),
        settle: (rows) => this.track(rows.then(() => undefined)),
      },
    ];
    const outboxes = writes.filter((w) => w.outbox.queued.length > 0);
    if (outboxes.length > 0)
      taken.push({
        statement: ENQUEUE,
        params: enqueueParams(outboxes.map((w) => w.outbox)),
        settle: (rows) => this.track(rows.then((r) => this.handOut(outboxes, r))),
      });
    for (const [workspaceId, events] of eventsByWorkspace(writes))
      taken.push({
        statement: EMIT,
        params: emitParams(workspaceId, events),
        settle: (rows) => this.track(rows.then(() => undefined)),
      });
    return taken;
  }

  /** Sends what is still held and waits until every held write was written; throws if one failed. */
  async drain(tx: Executor): Promise<void> {
    for (const h of this.take()) h.settle(run(tx, h.statement, h.params));
    const sent = this.sent;
    this.sent = [];
    await Promise.all(sent);
  }

  /** Each conversation's claimed replies to the sendNow of the dispatch that wrote them. */
  private handOut(outboxes: DispatchWrites[], rows: unknown[]) {
    const sendNowOf = new Map(outboxes.map((w) => [w.outbox.conversation.id, w.outbox.sendNow]));
    for (const message of claimedOf(rows as Record<string, unknown>[]))
      sendNowOf.get(message.conversationId)?.claimed.push(message);
  }

  private track(written: Promise<void>) {
    // Awaited by drain; until then a failure must not count as an unhandled rejection.
    written.catch(() => {});
    this.sent.push(written);
  }
}

function eventsByWorkspace(writes: readonly DispatchWrites[]): Map<string, RealtimeEvent[]> {
  const byWorkspace = new Map<string, RealtimeEvent[]>();
  for (const w of writes) {
    if (w.events.length === 0) continue;
    const { workspaceId } = w.outbox.conversation;
    const list = byWorkspace.get(workspaceId);
    if (list) list.push(...w.events);
    else byWorkspace.set(workspaceId, [...w.events]);
  }
  return byWorkspace;
}
