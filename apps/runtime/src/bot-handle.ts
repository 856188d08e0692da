import type { CoreEnv, FileStorage, StepCountBuffer } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { Telegram } from "telegraf";
import type { Logger } from "./log";
import type { Pacer } from "./pacing/pacer";
import type { SentRecorder } from "./sent-recorder";
import type { UpdateBatcher } from "./update-batcher";
import type { UpdateStore } from "./update-store";

/** Everything update processing and delivery need to know about one running bot. */
export interface BotHandle {
  id: string;
  workspaceId: string;
  username: string;
  db: Db;
  telegram: Telegram;
  /** What the server core needs from this process (the admin's address for login links). */
  core: CoreEnv;
  /** Where media files' bytes are read from for their first upload to Telegram. */
  files: FileStorage;
  /** Stores received updates, in statements shared by every bot of the process under load. */
  inbox: UpdateStore;
  /** Processes stored updates, several chats (of every bot of the process) per transaction under load. */
  updates: UpdateBatcher;
  /** Records sent messages in batches shared by every bot of the process. */
  recorder: SentRecorder;
  /** Step counts of committed updates, written in batches (canvas analytics). */
  stepCounts: StepCountBuffer;
  /**
   * Paces the bot's sends: its messages-per-second setting shared by every runtime, about one a second
   * per private chat, 20 a minute per group; waiting chats take turns.
   */
  pacer: Pacer;
  /** Aborted when the bot stops: long waits end early. */
  signal: AbortSignal;
  log: Logger;
  /** Telegram answered 429: no message of this bot goes out for `ms` (in any runtime: the pacer's budget is shared). */
  pauseSending(ms: number): void;
  /** Milliseconds left of such a pause (0 when sending is allowed). */
  sendingPausedFor(): number;
  /** Telegram said the token is no longer valid: stop the bot and show why. */
  onUnauthorized(reason: string): void;
}
