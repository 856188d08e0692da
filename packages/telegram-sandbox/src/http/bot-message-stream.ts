// `GET /sandbox/bot-message-stream`: a server-sent event stream with one `message` event per message any
// bot sends from the moment the stream opens (data: the control API's SandboxMessage plus `bot_id`).
// Made for load generators: one connection learns of every reply, instead of one waiting request
// per chat re-checking its chat on every change in the sandbox.

import type { IncomingMessage, ServerResponse } from "node:http";
import { type Store, toSandboxMessage } from "../store";

/** A comment line now and then, so proxies and idle timeouts don't close a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

export function streamBotMessages(store: Store, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  // The first line tells the client the stream is live: every later bot message will be on it.
  res.write(": open\n\n");
  const unsubscribe = store.onBotMessage((bot, chat, message) => {
    const data = { bot_id: bot.id, ...toSandboxMessage(chat, message) };
    res.write(`event: message\ndata: ${JSON.stringify(data)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
  keepAlive.unref();
  res.on("close", () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
