// What every Bot API method handler receives.

import type { Params } from "../http/params";
import type { BotState, Store } from "../store";

export interface MethodContext {
  store: Store;
  bot: BotState;
  params: Params;
  /** Aborted when the bot closes the HTTP request (e.g. grammY's stop() cancelling a long poll). */
  signal: AbortSignal;
  /** Tells webhook delivery that a bot's webhook was set or removed. */
  webhookChanged(bot: BotState): void;
}

/** A success answer that also carries Telegram's optional `description` (setWebhook does this). */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

export type MethodHandler = (ctx: MethodContext) => unknown;
