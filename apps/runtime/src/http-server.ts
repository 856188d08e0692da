import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Logger } from "./log";
import type { BotSupervisor } from "./supervisor";
import type { WebhookBody } from "./webhook-body";

/** Far above any real update (a message's text is at most 4096 characters). */
const MAX_BODY_BYTES = 1_000_000;

/** Reads the whole body (a too large one to its end, keeping nothing, so the answer still reaches Telegram). */
async function readBody(req: IncomingMessage): Promise<WebhookBody> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) return { kind: "too-large", limitBytes: MAX_BODY_BYTES };
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { kind: "json", text, json: JSON.parse(text) };
  } catch (err) {
    return { kind: "not-json", error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Webhook receiver (POST /telegram/<botId>) and health check (GET /health).
 * Answers 200 once the update is stored or set aside (receive-updates.ts), and a body that is no
 * update is logged and answered 200 too: Telegram retries a non-2xx forever, which for one bad update
 * would mean forever. Only a failing database answers 500, so Telegram retries what we could not keep.
 */
export function createHttpServer(supervisor: BotSupervisor, log: Logger): Server {
  return createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.method === "GET" && req.url === "/health") return send(200, { ok: true });
      const match = /^\/telegram\/([0-9a-f-]{36})$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match) return send(404, { ok: false });
      const runner = supervisor.runner(match[1]!);
      if (!runner) return send(404, { ok: false, error: "unknown bot" });
      const body = await readBody(req);
      const header = req.headers["x-telegram-bot-api-secret-token"];
      const outcome = await runner.acceptWebhook(Array.isArray(header) ? header[0] : header, body);
      if (outcome === "forbidden") return send(401, { ok: false, error: "bad secret token" });
      return send(200, { ok: true });
    } catch (err) {
      log("error", "webhook request failed", { error: String(err) });
      return send(500, { ok: false });
    }
  });
}
