/*
 * Group commit: one write in flight at a time, and whatever arrives while it runs goes into the next.
 * Idle, an item is written at once (no timer, no added latency); under load, many items share one
 * statement and one commit instead of one each. The sent marks (SentRecorder) and the bots' send-slot
 * reservations (BudgetReservations) go to the database this way.
 */

export interface GroupCommitOptions<Item, Result> {
  /**
   * Writes a batch and returns each item's result (it may throw for one item: that item fails). A
   * throw from `write` itself fails the whole batch.
   */
  write: (batch: Item[]) => Promise<(item: Item) => Result>;
  /** Whether a waiting item joins the batch being made (the rest wait for the next one). */
  joins: (item: Item, batch: readonly Item[]) => boolean;
  /** Items added in the same event-loop turn as the first one join its batch (default: it leaves at once). */
  gatherSameTurn?: boolean;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<Item, Result> {
  private waiting: Waiting<Item, Result>[] = [];
  private flushing = false;

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {}

  /** Resolves with the item's result once the batch it went in was written. */
  add(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      if (this.options.gatherSameTurn) queueMicrotask(() => void this.flush());
      else void this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.takeBatch();
        try {
          const resultOf = await this.options.write(batch.map((w) => w.item));
          for (const w of batch) {
            try {
              w.resolve(resultOf(w.item));
            } catch (err) {
              w.reject(err);
            }
          }
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private takeBatch(): Waiting<Item, Result>[] {
    const batch: Waiting<Item, Result>[] = [];
    const items: Item[] = [];
    const left: Waiting<Item, Result>[] = [];
    for (const w of this.waiting) {
      if (this.options.joins(w.item, items)) {
        batch.push(w);
        items.push(w.item);
      } else left.push(w);
    }
    this.waiting = left;
    return batch;
  }
}
