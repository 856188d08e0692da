/**
 * A bot token is the bot: whoever reads one in a log, an error message or a stored `lastError` can
 * run the bot. Error text from Telegram clients often carries one (a failed request's URL is
 * `…/bot<token>/getUpdates`, a file download's `…/file/bot<token>/…`), so every place that logs,
 * stores or returns such text passes it through here first.
 */

/** Telegram's token shape: the bot's numeric id, a colon, then 30+ URL-safe characters. */
const TOKEN_SHAPED = /\d+:[A-Za-z0-9_-]{30,}/g;

export const REDACTED_TOKEN = "<bot token>";

/** The text with anything token-shaped replaced by a placeholder. */
export function redactBotTokens(text: string): string {
  return text.replace(TOKEN_SHAPED, REDACTED_TOKEN);
}

/**
 * An error (or anything thrown) as text fit for a log: its stack (or message) and those of its causes,
 * tokens redacted. For logging a whole error object, which console.error would print unredacted.
 */
export function safeErrorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    parts.push(
      current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current),
    );
    current = current instanceof Error ? current.cause : undefined;
  }
  return redactBotTokens(parts.join("\ncaused by: "));
}
