import { invalid, redactBotTokens } from "@switchboard/core";

/**
 * The one Telegram call the admin side makes: `getMe`, to check a pasted token before saving it.
 * Everything else Telegram goes through the runtime.
 */
export interface BotIdentity {
  id: number;
  username: string;
  firstName: string;
}

export const BOT_TOKEN_PATTERN = /^(\d{3,20}):[A-Za-z0-9_-]{30,64}$/;

export async function fetchBotIdentity(
  apiRoot: string,
  token: string,
  timeoutMs = 10_000,
): Promise<BotIdentity> {
  if (!BOT_TOKEN_PATTERN.test(token))
    throw invalid(
      "This doesn't look like a bot token. Copy the whole token from @BotFather: digits, a colon, then 35 characters.",
    );
  let response: Response;
  try {
    response = await fetch(`${apiRoot}/bot${token}/getMe`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    // INVALID (400) like the other token problems, as clients know it; UNAVAILABLE would fit the
    // cause better, but moving it is a visible change of its own.
    throw invalid(
      `Could not reach Telegram at ${apiRoot} to check the token (${err instanceof Error ? redactBotTokens(err.message) : "network error"}).`,
    );
  }
  const body = (await response.json().catch(() => null)) as {
    ok?: boolean;
    description?: string;
    result?: { id: number; username?: string; first_name?: string; is_bot?: boolean };
  } | null;
  if (response.status === 401 || response.status === 404)
    throw invalid(
      "Telegram rejected this token (Unauthorized). It may have been revoked; get a fresh one from @BotFather.",
    );
  if (!body?.ok || !body.result)
    throw invalid(`Telegram answered: ${redactBotTokens(body?.description ?? `HTTP ${response.status}`)}.`);
  if (!body.result.is_bot || !body.result.username) throw invalid("This token does not belong to a bot.");
  return {
    id: body.result.id,
    username: body.result.username,
    firstName: body.result.first_name ?? body.result.username,
  };
}
