import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Logger } from "./log";
import type { BotSupervisor } from "./supervisor";
import type { TelegramUpdate } from "./telegram/update-mapping";

const MAX_BODY_BYTES = 1_000_000;

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Webhook receiver (POST /telegram/<botId>) and health check (GET /health).
 * Answers 200 only after the update is stored, so Telegram retries anything we could not keep.
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
      let update: TelegramUpdate;
      try {
        update = JSON.parse(await readBody(req)) as TelegramUpdate;
        if (typeof update?.update_id !== "number") throw new Error("no update_id");
      } catch (err) {
        return send(400, { ok: false, error: `bad update: ${String(err)}` });
      }
      const header = req.headers["x-telegram-bot-api-secret-token"];
      const outcome = await runner.acceptWebhook(Array.isArray(header) ? header[0] : header, update);
      if (outcome === "forbidden") return send(401, { ok: false, error: "bad secret token" });
      return send(200, { ok: true });
    } catch (err) {
      log("error", "webhook request failed", { error: String(err) });
      return send(500, { ok: false });
    }
  });
}
