import { recordSentMany } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import { GroupCommit } from "./group-commit";

interface Sent {
  messageId: string;
  telegramMessageId: number;
}

/** Most messages one statement records. */
const MAX_BATCH = 500;

/**
 * Records sent messages in batches (group-commit.ts): idle, a message is recorded at once; under load,
 * hundreds of chats' sends share one statement and one commit. A message is recorded after Telegram
 * took it, as before: a crash in between leaves its lease to expire and it is sent again — the one
 * duplicate the outbox protocol allows.
 */
export class SentRecorder {
  private readonly commits: GroupCommit<Sent, { morePending: boolean }>;

  constructor(db: Db) {
    this.commits = new GroupCommit({
      write: async (batch) => {
        const outcome = await recordSentMany(db, batch);
        // A row that is gone (the conversation was deleted meanwhile) has nothing more to send.
        return (sent) => outcome.get(sent.messageId) ?? { morePending: false };
      },
      joins: (_sent, batch) => batch.length < MAX_BATCH,
      // Sends that finish in this same turn join the first batch.
      gatherSameTurn: true,
    });
  }

  /** Resolves once recorded, telling whether the conversation has another message pending. */
  record(messageId: string, telegramMessageId: number): Promise<{ morePending: boolean }> {
    return this.commits.add({ messageId, telegramMessageId });
  }
}
