// Runs one Bot API call: method lookup (case-insensitive, like Telegram), injected failures,
// the handler, the call log and the `{ ok, result | error_code, description }` envelope.

import { ApiError, Errors } from "../errors";
import type { Params } from "../http/params";
import type { BotState, Store } from "../store";
import type { SandboxCall } from "../types";
import { Described, type MethodHandler } from "./context";
import { chatMethods } from "./methods-chats";
import { commandMethods } from "./methods-commands";
import { fileMethods } from "./methods-files";
import { forumMethods } from "./methods-forum";
import { messageMethods } from "./methods-messages";
import { updateMethods } from "./methods-updates";

export interface CallOutcome {
  /** HTTP status to answer with: 200 or the error_code, as Telegram does. */
  status: number;
  body: Record<string, unknown>;
}

const METHODS = new Map<string, MethodHandler>(
  Object.entries({
    ...updateMethods,
    ...messageMethods,
    ...fileMethods,
    ...commandMethods,
    ...chatMethods,
    ...forumMethods,
  }).map(([name, handler]) => [name.toLowerCase(), handler]),
);

export class BotApi {
  constructor(
    private readonly store: Store,
    private readonly webhookChanged: (bot: BotState) => void,
  ) {}

  async call(
    bot: BotState,
    method: string,
    params: Params,
    options: { signal?: AbortSignal; viaWebhookReply?: boolean } = {},
  ): Promise<CallOutcome> {
    // Logged on arrival (not completion) so an in-flight long poll is visible, e.g. to check
    // that a bot waited retry_after before polling again.
    const call: SandboxCall = {
      method,
      params: params.forLog(),
      ok: false,
      at: Date.now(),
      pending: true,
      ...(options.viaWebhookReply ? { via_webhook_reply: true } : {}),
    };
    bot.logCall(call);
    let outcome: CallOutcome;
    try {
      const handler = METHODS.get(method.toLowerCase());
      if (!handler) throw Errors.notFound();
      const failure = bot.takeFailure(method);
      if (failure) {
        const parameters = failure.retryAfter !== undefined ? { retry_after: failure.retryAfter } : undefined;
        throw new ApiError(failure.errorCode, failure.description, parameters);
      }
      const result = await handler({
        store: this.store,
        bot,
        params,
        signal: options.signal ?? new AbortController().signal,
        webhookChanged: this.webhookChanged,
      });
      outcome =
        result instanceof Described
          ? { status: 200, body: { ok: true, result: result.result, description: result.description } }
          : { status: 200, body: { ok: true, result } };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : internalError(method, error);
      outcome = { status: apiError.code, body: apiError.toJSON() };
    }
    delete call.pending;
    call.ok = outcome.body.ok === true;
    call.duration_ms = Date.now() - call.at;
    if (!call.ok) {
      call.error_code = outcome.status;
      call.description = String(outcome.body.description);
    }
    // Any call may have changed a chat; wake control requests waiting for bot messages.
    this.store.changes.notify();
    return outcome;
  }
}

function internalError(method: string, error: unknown): ApiError {
  // A sandbox bug, not a bot bug: say so loudly instead of hiding it in a generic 500.
  console.error(`[telegram-sandbox] ${method} crashed:`, error);
  return new ApiError(500, "Internal Server Error");
}
