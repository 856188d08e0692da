import type { Clock } from "./clock";
import type { SendBudget } from "./send-budget";

/** Slots reserved in one statement: `count` sends, `intervalMs` apart from `firstAt` (database clock). */
export interface SlotBlock {
  firstAt: number;
  intervalMs: number;
  count: number;
  /** The database's clock when it answered, to translate its times to this process's clock. */
  dbNow: number;
}

/** Where the bot's shared schedule lives (core's outbox/send-budget.ts over `bot_send_budgets`). */
export interface BudgetStore {
  /** Reserves up to `count` consecutive slots of the bot's rate (read from its settings). */
  reserve(count: number): Promise<SlotBlock>;
  /** Moves the bot's schedule at least `ms` into the future (a 429), for every process. */
  pushBack(ms: number): Promise<void>;
}

export interface SharedBudgetOptions {
  /**
   * How far behind the schedule a slot may still be used, which is also the burst after a quiet spell
   * (tolerance / interval sends). The store must use the same value for `now() − tolerance`.
   */
  toleranceMs: number;
  /** At most this much of the rate is reserved at once, so slots a process cannot use are few. */
  blockMs: number;
  onError?: (err: unknown) => void;
}

/**
 * The bot's budget shared by every runtime: a process reserves a block of slots from the database
 * (one statement, k slots, k sized to what waits here, up to `blockMs` worth) and spends them
 * locally. A slot is used at its time or later, and never once it is more than `toleranceMs` old (or,
 * for a slow answer, `toleranceMs` after it arrived): so in any window of W ms all processes together
 * send at most (W + tolerance + round trip) / interval + 1.
 * At 1000/s with 100 ms blocks that is ~10 statements a second per busy process.
 */
export class SharedBudget implements SendBudget {
  /** Slots on this process's clock, ascending by time: usable from `at`, dropped once `expires` passed. */
  private slots: { at: number; expires: number }[] = [];
  private pausedUntil = 0;
  /** The last rate the database gave, to size the next block. */
  private intervalMs = 1000 / 30;
  private offset = 0;
  private bestRoundTrip = Number.POSITIVE_INFINITY;
  private lastRoundTrip = 0;
  private inflight: Promise<void> | null = null;
  /** Expiry of slots handed out, for one given back. */
  private readonly spent = new Map<number, number>();

  constructor(
    private readonly clock: Clock,
    private readonly store: BudgetStore,
    private readonly options: SharedBudgetOptions,
  ) {}

  nextSlot(now: number): number | null {
    while (this.slots.length > 0 && this.slots[0]!.expires < now) this.slots.shift();
    if (this.pausedUntil > now) return this.pausedUntil;
    const next = this.slots[0];
    return next === undefined ? null : Math.max(now, next.at);
  }

  use(): number {
    const slot = this.slots.shift()!;
    this.spent.set(slot.at, slot.expires);
    if (this.spent.size > 1000) this.spent.clear();
    return slot.at;
  }

  giveBack(at: number): void {
    const expires = this.spent.get(at) ?? at + this.options.toleranceMs;
    this.spent.delete(at);
    // Put back in order; if it is too old by the next send, nextSlot drops it.
    const index = this.slots.findIndex((s) => s.at > at);
    if (index < 0) this.slots.push({ at, expires });
    else this.slots.splice(index, 0, { at, expires });
  }

  refill(demand: number): Promise<void> {
    this.inflight ??= this.reserveBlock(demand).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /**
   * Reserves the next block while the current one is still being spent, so the sends do not stop for
   * a round trip to a database whose pool is busy with the very sends being paced.
   */
  prefetch(demand: number): void {
    if (this.inflight || this.slots.length > Math.floor(this.blockSize() / 2)) return;
    this.refill(demand).catch((err) => this.options.onError?.(err));
  }

  /** Slots per reservation: `blockMs` of the rate, more when the database answers slowly (≤ 1 s of it). */
  private blockSize(): number {
    const span = Math.min(1000, Math.max(this.options.blockMs, 2 * this.lastRoundTrip));
    return Math.max(1, Math.floor(span / this.intervalMs));
  }

  private async reserveBlock(demand: number): Promise<void> {
    const sentAt = this.clock.now();
    const block = await this.store.reserve(Math.min(Math.max(1, demand), this.blockSize()));
    const receivedAt = this.clock.now();
    this.lastRoundTrip = receivedAt - sentAt;
    const offset = this.offsetFrom(sentAt, receivedAt, block.dbNow);
    this.intervalMs = block.intervalMs;
    // Appended after any slots still held (a prefetch): the database hands out increasing times. A block
    // starts up to `toleranceMs` in the past (the burst); each slot stays usable for that long after it
    // arrived even if the answer was slow — otherwise, at a high rate, a one-slot block could be stale on
    // arrival every time and the pacer would reserve forever without sending.
    for (let i = 0; i < block.count; i++) {
      const at = block.firstAt + i * block.intervalMs + offset;
      const expires = Math.max(at, receivedAt) + this.options.toleranceMs;
      this.slots.push({ at, expires });
    }
  }

  /**
   * This process's clock minus the database's, from the reservation that came back fastest: the
   * database read its clock somewhere within the round trip, so the shortest trip pins it best. Using
   * each answer's own arrival instead would shift a slow answer's slots later than a fast one's, and
   * slots of two blocks would overlap into a burst.
   */
  private offsetFrom(sentAt: number, receivedAt: number, dbNow: number): number {
    const roundTrip = receivedAt - sentAt;
    if (roundTrip <= this.bestRoundTrip) {
      this.bestRoundTrip = roundTrip;
      this.offset = (sentAt + receivedAt) / 2 - dbNow;
    }
    return this.offset;
  }

  pause(ms: number, now: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
    // Slots reserved before the 429 would go out right after the pause, on top of the shared schedule.
    this.slots = [];
    this.store.pushBack(ms).catch((err) => this.options.onError?.(err));
  }
}
