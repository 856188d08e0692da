import { holdBotSends, type ReservedSendSlots, reserveSendSlotsOfBots } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { BudgetStore } from "./shared-budget";

/*
 * Every bot's pacer reserves blocks of its send slots from the database (SharedBudget). With many busy
 * bots in one process that was a statement per bot per block — in the throughput bench's 20 bots × 10
 * chats, more than half a statement per message. The reservations of all bots go out together instead:
 * while one statement is in flight, the requests that arrive wait and go in the next (group commit, as
 * the SentRecorder does for sent marks), so a lone bot's reservation still leaves at once.
 */

interface Waiting {
  botId: string;
  count: number;
  rateOverride: number | null;
  resolve: (block: ReservedSendSlots) => void;
  reject: (err: unknown) => void;
}

/** At most this many bots per statement (one row each). */
const MAX_BOTS_PER_STATEMENT = 200;

export class BudgetReservations {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly db: Db,
    private readonly toleranceMs: number,
  ) {}

  /** The BudgetStore of one bot: its reservations batched with every other bot's of this process. */
  storeFor(botId: string, rateOverride: number | null): BudgetStore {
    return {
      reserve: (count) => this.reserve(botId, count, rateOverride),
      pushBack: (ms) => holdBotSends(this.db, botId, ms),
    };
  }

  reserve(botId: string, count: number, rateOverride: number | null): Promise<ReservedSendSlots> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ botId, count, rateOverride, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.takeBatch();
        try {
          const reserved = await reserveSendSlotsOfBots(this.db, batch, { toleranceMs: this.toleranceMs });
          for (const w of batch) {
            const block = reserved.get(w.botId);
            if (block) w.resolve(block);
            else w.reject(new Error(`bot ${w.botId} does not exist (deleted while it was sending?)`));
          }
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** One request per bot (a bot's second waits for the next statement), at most MAX_BOTS_PER_STATEMENT. */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const bots = new Set<string>();
    const left: Waiting[] = [];
    for (const w of this.waiting) {
      if (batch.length < MAX_BOTS_PER_STATEMENT && !bots.has(w.botId)) {
        bots.add(w.botId);
        batch.push(w);
      } else left.push(w);
    }
    this.waiting = left;
    return batch;
  }
}
