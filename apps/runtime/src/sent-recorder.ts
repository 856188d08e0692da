import { recordSentMany } from "@switchboard/core";
import type { Db } from "@switchboard/db";

interface Waiting {
  messageId: string;
  telegramMessageId: number;
  resolve: (outcome: { morePending: boolean }) => void;
  reject: (err: unknown) => void;
}

/** Most messages one statement records. */
const MAX_BATCH = 500;

/**
 * Records sent messages in batches, group-commit style: one write at a time, and every message sent
 * while it runs goes into the next one. Idle, a message is recorded at once (no timer, no added
 * latency); under load, hundreds of chats' sends share one statement and one commit instead of one
 * each. A message is recorded after Telegram took it, as before: a crash in between leaves its lease
 * to expire and it is sent again — the one duplicate the outbox protocol allows.
 */
export class SentRecorder {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  /** Resolves once recorded, telling whether the conversation has another message pending. */
  record(messageId: string, telegramMessageId: number): Promise<{ morePending: boolean }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ messageId, telegramMessageId, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Sends that finish in this same tick join the first batch.
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush() {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          const outcome = await recordSentMany(this.db, batch);
          // A row that is gone (the conversation was deleted meanwhile) has nothing more to send.
          for (const w of batch) w.resolve(outcome.get(w.messageId) ?? { morePending: false });
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
