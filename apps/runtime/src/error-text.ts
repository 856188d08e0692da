/**
 * An error as one line for the bot's log and an update's `error`. Drizzle wraps a driver error as
 * "Failed query: <sql> params: <values>", and the values may be the whole update: its cause (the
 * Postgres error) is what went wrong.
 */
export function errorText(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : null;
  return String(cause ?? err);
}
