import { metrics } from "../metrics";
import type { BudgetReservations } from "./budget-reservations";
import { type Clock, systemClock } from "./clock";
import { perSecond, type RateLimit } from "./gcra";
import { Pacer } from "./pacer";
import { SharedBudget } from "./shared-budget";

/** What the runtime's configuration says about pacing (config.ts, from the environment). */
export interface PacingConfig {
  /** Replaces every bot's own `messagesPerSecond` setting when set (tests, benchmarks). */
  messagesPerSecond?: number | null;
  /** One private chat: messages per second (default 1, Telegram's advice) and burst (default 3). */
  chatMessagesPerSecond?: number;
  chatBurst?: number;
}

/**
 * After a quiet spell, a bot may send this much of its rate at once (3 messages at 30/s): Telegram
 * tolerates short bursts, and replies to a handful of chats then go out with no added wait. It is
 * also how late a reserved slot may still be used (SharedBudget).
 */
export const BOT_BURST_MS = 100;
/** A block of reserved slots covers at most this much of the rate (fewer statements, little waste). */
export const BOT_BLOCK_MS = 100;
/**
 * Telegram: "no more than 20 messages per minute to the same group", counted over a sliding minute.
 * Evenly spaced with no burst — any burst would break the minute's count — and a little slower than
 * 3 s so network jitter never brings two sends of a 20-message minute closer than Telegram counts.
 */
export const GROUP_LIMIT: RateLimit = { intervalMs: 3_100, burst: 1 };

export function chatLimitOf(config: PacingConfig): RateLimit {
  return perSecond(config.chatMessagesPerSecond ?? 1, config.chatBurst ?? 3);
}

/**
 * The pacer of one bot, its bot-wide budget shared with every runtime through the database; its slot
 * reservations go out with the other bots' of this process (`reservations`, made with BOT_BURST_MS).
 */
export function createBotPacer(
  reservations: BudgetReservations,
  botId: string,
  config: PacingConfig,
  onError: (err: unknown) => void,
  clock: Clock = systemClock,
): Pacer {
  const budget = new SharedBudget(clock, reservations.storeFor(botId, config.messagesPerSecond ?? null), {
    toleranceMs: BOT_BURST_MS,
    blockMs: BOT_BLOCK_MS,
    onError,
  });
  return new Pacer({
    clock,
    budget,
    chat: chatLimitOf(config),
    group: GROUP_LIMIT,
    onError,
    onHeldBack: (limit) => metrics.pacerWaited(botId, limit),
  });
}
