import { GcraMeter, type RateLimit } from "./gcra";

/**
 * Where a bot's sends get their bot-wide slot: in-process (LocalBudget) or shared by every runtime
 * through the database (SharedBudget). The pacer asks `nextSlot`; when the budget holds no slot it
 * calls `refill` (which may do I/O) and asks again.
 */
export interface SendBudget {
  /** The earliest local time the next send may go, or null when a refill is needed first. */
  nextSlot(now: number): number | null;
  /** Spends the slot `nextSlot` offered (now ≥ that time); the result identifies it for `giveBack`. */
  use(now: number): number;
  /** The slot `use` returned was not needed after all (nothing was left to send). */
  giveBack(slot: number): void;
  /** Gets slots for about `demand` sends that are waiting. */
  refill(demand: number): Promise<void>;
  /** Sends still wait after one went: the budget may get more slots ahead, without being awaited. */
  prefetch?(demand: number): void;
  /** Telegram answered 429 with retry_after: no send of the bot for `ms`. */
  pause(ms: number, now: number): void;
}

/** The bot's budget kept in this process only (a single runtime, and the unit tests). */
export class LocalBudget implements SendBudget {
  private readonly meter = new GcraMeter();
  constructor(private readonly limit: () => RateLimit) {}

  nextSlot(now: number): number {
    return this.meter.earliest(now, this.limit());
  }

  use(now: number): number {
    this.meter.take(now, this.limit());
    return now;
  }

  giveBack(): void {
    this.meter.refund(this.limit());
  }

  async refill(): Promise<void> {}

  pause(ms: number, now: number): void {
    this.meter.holdUntil(now + ms, this.limit());
  }
}
