import {
  holdBotSends,
  type ReservedSendSlots,
  reserveSendSlotsOfBots,
  type SendSlotRequest,
} from "@switchboard/core";
import type { Db } from "@switchboard/db";
import { GroupCommit } from "../group-commit";
import type { BudgetStore } from "./shared-budget";

/*
 * Every bot's pacer reserves blocks of its send slots from the database (SharedBudget). With many busy
 * bots in one process that was a statement per bot per block — in the throughput bench's 20 bots × 10
 * chats, more than half a statement per message. The reservations of all bots go out together instead
 * (group-commit.ts): while one statement is in flight, the requests that arrive wait and go in the
 * next, so a lone bot's reservation still leaves at once.
 */

/** At most this many bots per statement (one row each). */
const MAX_BOTS_PER_STATEMENT = 200;

export class BudgetReservations {
  private readonly commits: GroupCommit<SendSlotRequest, ReservedSendSlots>;

  constructor(
    private readonly db: Db,
    toleranceMs: number,
  ) {
    this.commits = new GroupCommit({
      write: async (batch) => {
        const reserved = await reserveSendSlotsOfBots(db, batch, { toleranceMs });
        return ({ botId }) => {
          const block = reserved.get(botId);
          if (!block) throw new Error(`bot ${botId} does not exist (deleted while it was sending?)`);
          return block;
        };
      },
      // One request per bot in a statement (a bot's second waits for the next one).
      joins: (request, batch) =>
        batch.length < MAX_BOTS_PER_STATEMENT && !batch.some((r) => r.botId === request.botId),
    });
  }

  /** The BudgetStore of one bot: its reservations batched with every other bot's of this process. */
  storeFor(botId: string, rateOverride: number | null): BudgetStore {
    return {
      reserve: (count) => this.reserve(botId, count, rateOverride),
      pushBack: (ms) => holdBotSends(this.db, botId, ms),
    };
  }

  reserve(botId: string, count: number, rateOverride: number | null): Promise<ReservedSendSlots> {
    return this.commits.add({ botId, count, rateOverride });
  }
}
