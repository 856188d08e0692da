import type { Clock } from "./clock";
import { GcraMeter, type RateLimit } from "./gcra";
import type { SendBudget } from "./send-budget";

export interface PacerOptions {
  clock: Clock;
  /** The bot-wide budget (Telegram: about 30 messages a second per bot). */
  budget: SendBudget;
  /** One private chat (Telegram: about one message a second, short bursts allowed). */
  chat: RateLimit;
  /** One group or supergroup, told apart by its negative id (Telegram: 20 messages a minute). */
  group: RateLimit;
  /** A refill failed (the database is unreachable); the pacer tries again after `retryMs`. */
  onError?: (err: unknown) => void;
  /**
   * A waiting send had to wait for a limit: a chat's own (private chat or group) or the bot's. Called each
   * time the pacer sets its timer for one, so it counts waits, not messages (metrics.ts).
   */
  onHeldBack?: (limit: "chat" | "bot") => void;
  retryMs?: number;
}

/** A granted send. Give it back when there turned out to be nothing to send, so no slot is wasted. */
export interface SendSlot {
  giveBack(): void;
}

interface Waiter {
  resolve(slot: SendSlot): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  chatId: number;
}

/** The waiters of one signal (every send of a bot waits on the bot's): one abort listener for them all. */
interface SignalWatch {
  waiters: Set<Waiter>;
  onAbort: () => void;
}

/** Meters of chats that owe nothing are dropped once there are this many (they would start afresh anyway). */
const METER_SWEEP_AT = 2_000;
/** A chat whose own limit lets it send within this counts as demand when slots are reserved. */
const DEMAND_HORIZON_MS = 100;

/**
 * Paces one bot's sends: `acquire` resolves when both the chat's and the bot's slot are free. Chats
 * that wait are served round robin — a chat with 50 queued messages takes one turn, then every other
 * waiting chat gets one before it sends again — so none starves. Each chat's own waiters go first in,
 * first out, which keeps a chat's messages in order.
 */
export class Pacer {
  /** Waiting chats in turn order (a Map keeps insertion order: a served chat is re-inserted last). */
  private readonly queues = new Map<number, Waiter[]>();
  private readonly meters = new Map<number, GcraMeter>();
  private cancelTimer: (() => void) | null = null;
  private pumping = false;
  private kicked = false;
  private readonly watches = new Map<AbortSignal, SignalWatch>();
  /** The end of the last 429 pause this process saw (clock time); see pausedFor. */
  private pausedUntil = 0;

  constructor(private readonly options: PacerOptions) {}

  /** Resolves when this chat may send its next message; rejects with the signal's reason on abort. */
  acquire({ chatId, signal }: { chatId: number; signal?: AbortSignal }): Promise<SendSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<SendSlot>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, chatId };
      if (signal) this.watch(signal).waiters.add(waiter);
      const queue = this.queues.get(chatId);
      if (queue) queue.push(waiter);
      else this.queues.set(chatId, [waiter]);
      this.kick();
    });
  }

  /**
   * Runs `fn` in a slot of this chat, like a limiter's schedule; when `spent(result)` says no message
   * went out (nothing was left to claim), the slot is given back. A throw keeps the slot: a request may
   * have reached Telegram.
   */
  async run<T>(
    options: { chatId: number; signal?: AbortSignal },
    fn: () => Promise<T>,
    spent: (result: T) => boolean,
  ): Promise<T> {
    const slot = await this.acquire(options);
    const result = await fn();
    if (!spent(result)) slot.giveBack();
    return result;
  }

  /** Telegram answered 429: hold back every chat of the bot for `ms` (and, shared, every process). */
  pauseBot(ms: number): void {
    const now = this.options.clock.now();
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
    this.options.budget.pause(ms, now);
    this.kick();
  }

  /**
   * How long this process still holds the bot back after a 429 it saw (0 when not paused); senders that
   * don't go through the pacer's queue (claims, forum topics) ask before claiming work they can't send.
   */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.options.clock.now());
  }

  /** How many sends wait (for tests and logs). */
  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  private limitOf(chatId: number): RateLimit {
    return chatId < 0 ? this.options.group : this.options.chat;
  }

  private meterOf(chatId: number): GcraMeter {
    let meter = this.meters.get(chatId);
    if (!meter) {
      meter = new GcraMeter();
      this.meters.set(chatId, meter);
    }
    return meter;
  }

  private watch(signal: AbortSignal): SignalWatch {
    let watch = this.watches.get(signal);
    if (!watch) {
      const waiters = new Set<Waiter>();
      const onAbort = () => {
        this.watches.delete(signal);
        for (const waiter of waiters) this.drop(waiter.chatId, waiter);
      };
      watch = { waiters, onAbort };
      this.watches.set(signal, watch);
      signal.addEventListener("abort", onAbort, { once: true });
    }
    return watch;
  }

  private unwatch(waiter: Waiter) {
    const watch = waiter.signal && this.watches.get(waiter.signal);
    if (!watch || !waiter.signal) return;
    watch.waiters.delete(waiter);
    if (watch.waiters.size === 0) {
      waiter.signal.removeEventListener("abort", watch.onAbort);
      this.watches.delete(waiter.signal);
    }
  }

  private drop(chatId: number, waiter: Waiter) {
    const queue = this.queues.get(chatId);
    const at = queue?.indexOf(waiter) ?? -1;
    if (!queue || at < 0) return;
    queue.splice(at, 1);
    if (queue.length === 0) this.queues.delete(chatId);
    waiter.reject(waiter.signal?.reason);
    this.kick();
  }

  /** Re-runs the dispatch now (a new waiter may be able to go before the pending timer). */
  private kick() {
    if (this.pumping) {
      this.kicked = true;
      return;
    }
    void this.pump();
  }

  private sleepUntil(at: number) {
    const { clock } = this.options;
    this.cancelTimer = clock.setTimer(() => {
      this.cancelTimer = null;
      this.kick();
    }, at - clock.now());
  }

  private async pump() {
    this.pumping = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    try {
      await this.dispatch();
    } finally {
      this.pumping = false;
      if (this.kicked) {
        this.kicked = false;
        if (!this.cancelTimer) this.kick();
      }
    }
  }

  /** Hands out slots while a waiting chat may send; otherwise sets a timer for when one may. */
  private async dispatch() {
    const { clock, budget } = this.options;
    for (;;) {
      this.kicked = false;
      if (this.queues.size === 0) return;
      const now = clock.now();
      let chosen: number | null = null;
      let chatReadyAt = Number.POSITIVE_INFINITY;
      for (const chatId of this.queues.keys()) {
        const at = this.meterOf(chatId).earliest(now, this.limitOf(chatId));
        if (at <= now) {
          chosen = chatId;
          break;
        }
        chatReadyAt = Math.min(chatReadyAt, at);
      }
      if (chosen === null) {
        this.options.onHeldBack?.("chat");
        return this.sleepUntil(chatReadyAt);
      }

      const slot = budget.nextSlot(now);
      if (slot === null) {
        try {
          await budget.refill(this.demand(now));
        } catch (err) {
          this.options.onError?.(err);
          return this.sleepUntil(clock.now() + (this.options.retryMs ?? 1000));
        }
        continue;
      }
      if (slot > now) {
        this.options.onHeldBack?.("bot");
        return this.sleepUntil(slot);
      }

      const botSlot = budget.use(now);
      this.meterOf(chosen).take(now, this.limitOf(chosen));
      const queue = this.queues.get(chosen)!;
      const waiter = queue.shift()!;
      // Its turn is used: the chat goes to the back of the line.
      this.queues.delete(chosen);
      if (queue.length > 0) this.queues.set(chosen, queue);
      this.unwatch(waiter);
      waiter.resolve(this.slotFor(chosen, botSlot));
      if (budget.prefetch) {
        const soon = this.readySoon(now);
        if (soon > 0) budget.prefetch(soon);
      }
      if (this.meters.size > METER_SWEEP_AT) this.sweepMeters(now);
    }
  }

  private slotFor(chatId: number, botSlot: number): SendSlot {
    let given = false;
    return {
      giveBack: () => {
        if (given) return;
        given = true;
        this.options.budget.giveBack(botSlot);
        this.meterOf(chatId).refund(this.limitOf(chatId));
        this.kick();
      },
    };
  }

  /** Sends likely to go soon: one per waiting chat its own limit lets through shortly. */
  private readySoon(now: number): number {
    let n = 0;
    for (const chatId of this.queues.keys())
      if (this.meterOf(chatId).earliest(now, this.limitOf(chatId)) <= now + DEMAND_HORIZON_MS) n++;
    return n;
  }

  private demand(now: number): number {
    return Math.max(1, this.readySoon(now));
  }

  private sweepMeters(now: number) {
    for (const [chatId, meter] of this.meters)
      if (!this.queues.has(chatId) && meter.idleAt(now)) this.meters.delete(chatId);
  }
}
