// Reads the sandbox's bot-message stream (GET /sandbox/bot-message-stream, server-sent events) with
// global fetch only, like the rest of the client, so it needs no EventSource implementation.

import type { SandboxBotMessage } from "./types";

export interface BotMessageStream {
  /** Settles when the stream ends: closed by the sandbox, by `close()` or by the abort signal. */
  readonly done: Promise<void>;
  close(): void;
}

/**
 * Opens the stream and resolves once it is live: every message a bot sends from then on is passed
 * to `onMessage`, in the order the sandbox stored them.
 */
export async function openBotMessageStream(
  baseUrl: string,
  onMessage: (message: SandboxBotMessage) => void,
  signal?: AbortSignal,
): Promise<BotMessageStream> {
  const abort = new AbortController();
  signal?.addEventListener("abort", () => abort.abort(), { once: true });
  const response = await fetch(`${baseUrl}/sandbox/bot-message-stream`, {
    signal: abort.signal,
    headers: { accept: "text/event-stream" },
  });
  if (!response.ok || !response.body)
    throw new Error(`telegram-sandbox /sandbox/bot-message-stream: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  // The sandbox writes ": open" before anything else; once it arrives, the subscription exists.
  let buffer = "";
  const readEvents = async (untilOpen: boolean): Promise<void> => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice(6))
          .join("\n");
        if (data) onMessage(JSON.parse(data) as SandboxBotMessage);
        end = buffer.indexOf("\n\n");
      }
      if (untilOpen) return;
    }
  };
  await readEvents(true);
  const done = readEvents(false).catch((error: unknown) => {
    if (!abort.signal.aborted) throw error;
  });
  return { done, close: () => abort.abort() };
}
