import { availableParallelism } from "node:os";
import {
  chatLocks,
  DeferredWrites,
  type OpenChatRequest,
  type OpenedChat,
  openChats,
} from "@switchboard/core";
import { type Db, type Statement, type Tx, transactionOpeningWith } from "@switchboard/db";
import { TAKE_NEXT_UPDATES, type TakenUpdate, takenUpdatesOf, takeParams } from "./inbox";
import { metrics } from "./metrics";

/*
 * Group commit for update processing. Every chat's next update is processed under the chat's lock in
 * a transaction that also marks it processed (inbox.ts). One transaction per update costs a BEGIN,
 * a COMMIT and its WAL flush, and round trips the work doesn't need; under load those were a large
 * share of the runtime's and Postgres's time per message. So when more chats wait for their turn
 * than there are free batch slots, they are spread evenly over the slots, several chats to a
 * transaction, and its statements are batch-wide: BEGIN, the chats' locks and their takes (one
 * statement each for all chats) in one round trip; the chats opened in one statement (openChats);
 * each chat's flow run one after another (never interleaved: what one chat does under a lock —
 * routing, a phone merge — is done before the next chat starts, as if they were separate transactions
 * in a row; a chat that changed rows another chat read tells the later ones to read theirs again);
 * their end-of-dispatch writes held and sent as one statement per kind (core DeferredWrites); one
 * COMMIT. A quiet runtime runs batches of one, which open their chat inside their own turn.
 *
 * A failure anywhere rolls the whole batch back, and each of its chats is then processed again in a
 * transaction of its own, so a failing update only fails itself (its attempts and setting aside are
 * the caller's, as for a single transaction). Per-chat order holds: the caller runs one turn per chat
 * at a time, the locks are held to the commit, and each take reads the oldest unprocessed update.
 */

/** Processes a chat's taken update (null: none ready) inside the (possibly shared) transaction. */
export type TurnHandler<T> = (tx: Tx, taken: TakenUpdate | null, batch: TurnContext) => Promise<T>;

/**
 * The chat to open for a taken update (null: none), opened with the batch's other chats in one
 * statement (openChats) before the first turn runs.
 */
export type OpenPlanner = (taken: TakenUpdate) => OpenChatRequest | null;

/** What a turn gets from its batch besides its update. */
export interface TurnContext {
  /** The chat as the batch opened it (null: the turn asked for none). */
  readonly opened: OpenedChat | null;
  /**
   * An earlier turn of the batch reached beyond its own chat after `opened` was read (a contact merge, a
   * lead, the operator queue...): the turn must read its contact and conversation again.
   */
  readonly openedMayBeStale: boolean;
  /** This turn wrote rows beyond its own chat (see openedMayBeStale). */
  reachedBeyondChat(): void;
  /** Where a turn's end-of-dispatch writes are held, to go out with the batch's others (core deferred-writes.ts). */
  readonly deferred: DeferredWrites;
}

interface Turn {
  botId: string;
  chatId: number;
  fn: TurnHandler<unknown>;
  open?: OpenPlanner;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface UpdateBatcherOptions {
  /** Chats per transaction at most (each holds its lock until the batch commits). */
  maxChats: number;
  /** Transactions in flight at once (connections of the pool they use). */
  maxBatches: number;
}

/**
 * Few transactions in flight, many chats each: a batch's cost is mostly per statement, not per chat, so
 * under load the turns that wait while the running batches finish make the next batches larger, and each
 * message costs less. A batch's work is CPU — the runtime's and Postgres's — so about one in flight per
 * core keeps the cores busy; more only cut the waiting turns into smaller batches (the free slots share
 * them). At least two, so that one slow batch doesn't hold up every other chat. Measured with
 * bench/throughput.ts on 2 cores (docs/architecture.md), interleaved, runtime alone: 6 × 32 ran scenario A
 * at 1,215–1,299 msg/s and B at 1,136–1,185 (0.88–1.03 CPU ms per message, runtime + Postgres); 2 × 32 at
 * 1,328–1,581 and 1,192–1,393 (0.69–0.90 ms), with lower latency too. With Postgres across a network,
 * where a batch also waits for round trips, RUNTIME_UPDATE_BATCHES can be raised. A quiet runtime still
 * runs batches of one.
 */
export const DEFAULT_BATCHING: UpdateBatcherOptions = {
  maxChats: 32,
  maxBatches: Math.max(2, availableParallelism()),
};

export class UpdateBatcher {
  private waiting: Turn[] = [];
  private running = 0;
  private pumpScheduled = false;
  /** Batches of more than one chat that failed and were redone chat by chat (for tests and metrics). */
  splitBatches = 0;

  constructor(
    private readonly db: Db,
    private readonly options: UpdateBatcherOptions = DEFAULT_BATCHING,
  ) {}

  /**
   * Takes the chat's oldest unprocessed update under its lock and runs `fn` on it; resolves after the
   * transaction committed (so whatever `fn` returns is durable), rejects if it rolled back.
   */
  withNextUpdate<T>(botId: string, chatId: number, fn: TurnHandler<T>, open?: OpenPlanner): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        botId,
        chatId,
        fn,
        ...(open ? { open } : {}),
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  /**
   * Starts batches after the current turn of the event loop, so the turns a poll's updates schedule
   * together are spread evenly over the free slots (six chats alone and the rest in one long batch
   * would let those six answer seconds ahead of the others).
   */
  private pump() {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.startBatches();
    });
  }

  private startBatches() {
    const free = this.options.maxBatches - this.running;
    if (free <= 0 || this.waiting.length === 0) return;
    const size = Math.min(this.options.maxChats, Math.ceil(this.waiting.length / free));
    for (let slot = 0; slot < free && this.waiting.length > 0; slot++) {
      const turns = this.nextBatch(size);
      this.running++;
      void this.run(turns).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** Up to `size` waiting turns, one per chat (a second turn of a chat waits for a later batch). */
  private nextBatch(size: number): Turn[] {
    const batch: Turn[] = [];
    const chats = new Set<string>();
    const left: Turn[] = [];
    for (const turn of this.waiting) {
      const key = `${turn.botId}:${turn.chatId}`;
      if (batch.length < size && !chats.has(key)) {
        chats.add(key);
        batch.push(turn);
      } else left.push(turn);
    }
    this.waiting = left;
    return batch;
  }

  private async run(turns: Turn[]): Promise<void> {
    metrics.updateBatch(turns.length);
    try {
      const values = await processTogether(this.db, turns);
      for (const [i, turn] of turns.entries()) turn.resolve(values[i]);
    } catch (err) {
      if (turns.length === 1) {
        turns[0]!.reject(err);
        return;
      }
      // Nothing of the batch committed: each chat again on its own, so only the failing one fails.
      this.splitBatches++;
      metrics.updateBatchSplit();
      await Promise.all(
        turns.map((turn) =>
          processTogether(this.db, [turn]).then(([value]) => turn.resolve(value), turn.reject),
        ),
      );
    }
  }
}

/**
 * One transaction for the turns: locks in a fixed order (no deadlock between batches) and takes in one
 * round trip, the chats the turns ask for opened in one statement, then each turn in turn.
 */
async function processTogether(db: Db, turns: Turn[]): Promise<unknown[]> {
  const ordered = turns
    .map((turn, index) => ({ turn, index }))
    .sort((a, b) => compare(a.turn.botId, b.turn.botId) || a.turn.chatId - b.turn.chatId);
  const chats = ordered.map(({ turn }) => turn);
  const opening: [Statement<unknown>, readonly unknown[]][] = [
    chatLocks(chats),
    [TAKE_NEXT_UPDATES, takeParams(chats)],
  ];
  const deferred = new DeferredWrites();
  return transactionOpeningWith(
    db,
    opening,
    async (tx, rows) => {
      const taken = takenUpdatesOf(ordered.length, rows[1] as Parameters<typeof takenUpdatesOf>[1]);
      // A lone turn opens its chat itself, so a failure there is its own (an attempt counted against the
      // update): the batch's one statement pays off from two chats, and a batch that fails is redone alone.
      const plans = ordered.map(({ turn }, k) =>
        ordered.length > 1 ? planned(turn, taken[k] ?? null) : null,
      );
      const opened = await openPlanned(tx, plans);
      let reachedBeyond = false;
      const values: unknown[] = new Array(turns.length);
      for (const [k, { turn, index }] of ordered.entries()) {
        const context: TurnContext = {
          opened: opened[k] ?? null,
          // Read before this turn runs: what the turn itself changes is not stale for it.
          openedMayBeStale: reachedBeyond,
          reachedBeyondChat: () => {
            reachedBeyond = true;
          },
          deferred,
        };
        values[index] = await turn.fn(tx, taken[k] ?? null, context);
      }
      await deferred.drain(tx);
      return values;
    },
    deferred,
  );
}

/** The turn's plan; none if planning fails (the turn then opens its chat itself and meets the failure there). */
function planned(turn: Turn, taken: TakenUpdate | null): OpenChatRequest | null {
  if (!taken || !turn.open) return null;
  try {
    return turn.open(taken);
  } catch {
    return null;
  }
}

/** The planned chats opened together (one statement); null where a turn planned none. */
async function openPlanned(tx: Tx, plans: (OpenChatRequest | null)[]): Promise<(OpenedChat | null)[]> {
  const requests = plans.filter((p): p is OpenChatRequest => p !== null);
  if (requests.length === 0) return plans.map(() => null);
  const opened = await openChats(tx, requests);
  let next = 0;
  return plans.map((p) => (p ? opened[next++]! : null));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
