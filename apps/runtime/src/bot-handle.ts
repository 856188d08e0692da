import type { Db } from "@switchboard/db";
import type Bottleneck from "bottleneck";
import type { Telegram } from "telegraf";
import type { Logger } from "./log";

/** Everything update processing and delivery need to know about one running bot. */
export interface BotHandle {
  id: string;
  workspaceId: string;
  username: string;
  db: Db;
  telegram: Telegram;
  /** Keeps the bot under Telegram's ~30 messages per second. */
  limiter: Bottleneck;
  log: Logger;
  /** Telegram said the token is no longer valid: stop the bot and show why. */
  onUnauthorized(reason: string): void;
}
