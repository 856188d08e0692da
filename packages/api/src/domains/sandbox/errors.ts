import { conflict, DomainError, invalid, preconditionFailed, redactBotTokens } from "@switchboard/core";
import { SandboxError } from "@switchboard/telegram-sandbox/client";

/**
 * The sandbox's refusals in our own sentences. Its error text is for developers and may name a bot
 * token; what reaches a client or a log is ours, and anything of the sandbox's that is kept (a refused
 * action's reason) is redacted first.
 */
export function sandboxFailure(err: unknown): DomainError {
  if (!(err instanceof SandboxError))
    return new DomainError("UNAVAILABLE", "The Bot API sandbox did not answer. Is it running (SANDBOX_URL)?");
  // Telegram's answer to an unknown token; for the sandbox it means it was restarted and forgot the bot.
  if (err.status === 401)
    return preconditionFailed(
      "The sandbox doesn't know this bot any more (it was probably restarted). Create a new sandbox bot.",
    );
  if (err.status === 409) return conflict("That username is taken in the sandbox. Choose another.");
  // A refused action (no such button, no keyboard to tap): INVALID, as clients know it.
  const reason = err.message.replace(/^telegram-sandbox \/sandbox\/[\w-]+: /, "");
  return invalid(`The sandbox refused this: ${redactBotTokens(reason)}.`);
}
