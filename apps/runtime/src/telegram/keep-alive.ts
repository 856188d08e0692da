import http from "node:http";
import type { Telegram } from "telegraf";

/*
 * Telegraf keeps its connections to an `https://` Bot API root (api.telegram.org) alive, but drops its
 * agent for an `http://` root — a self-hosted Bot API server, or our sandbox — so every call there opened
 * and closed a TCP connection (the throughput bench's profiles: a tenth of the runtime's time). Such a
 * root gets a keep-alive agent of its own here, so it behaves as production does.
 */
const plainHttpAgent = new http.Agent({ keepAlive: true, keepAliveMsecs: 10_000 });

/** Gives a Telegram client on an `http://` root a keep-alive agent (an `https://` one keeps Telegraf's). */
export function keepConnectionsAlive(telegram: Telegram): Telegram {
  const options = (telegram as unknown as { options: { apiRoot: string; agent?: http.Agent } }).options;
  if (options.apiRoot.startsWith("http://")) options.agent = plainHttpAgent;
  return telegram;
}
