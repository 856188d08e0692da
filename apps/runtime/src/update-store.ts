import type { Db } from "@switchboard/db";
import { GroupCommit } from "./group-commit";
import { storeUpdatesOfBots, type UpdateToStore } from "./inbox";

interface Received {
  botId: string;
  updates: UpdateToStore[];
}

/** Most updates one statement stores. */
const MAX_BATCH = 1000;

/**
 * Stores received updates in batches shared by every bot of the process (group-commit.ts): idle, a
 * poll's updates (or a webhook's) are stored at once; under load, the polls of many bots that arrive
 * while one statement runs share the next. Twenty bots with ten busy chats each got a poll of a few
 * updates each, one statement apiece. A batch that fails fails every poll in it: each then stores its
 * updates on its own (receive-updates.ts), so one bad update still only sets itself aside.
 */
export class UpdateStore {
  private readonly commits: GroupCommit<Received, Set<number>>;

  constructor(db: Db) {
    this.commits = new GroupCommit({
      write: async (batch) => {
        const chats = await storeUpdatesOfBots(db, batch);
        return (received) => chats.get(received.botId) ?? new Set();
      },
      joins: (received, batch) =>
        batch.reduce((n, r) => n + r.updates.length, received.updates.length) <= MAX_BATCH,
    });
  }

  /** Resolves once stored, with the chats that got new updates (of this bot, from any poll in the batch). */
  store(botId: string, updates: UpdateToStore[]): Promise<Set<number>> {
    return this.commits.add({ botId, updates });
  }
}
