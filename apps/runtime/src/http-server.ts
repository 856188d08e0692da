import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Logger } from "./log";
import { scrape } from "./metrics";
import type { Readiness } from "./readiness";
import type { BotSupervisor } from "./supervisor";
import type { WebhookBody } from "./webhook-body";

/** Far above any real update (a message's text is at most 4096 characters). */
const MAX_BODY_BYTES = 1_000_000;

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

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
 * Webhook receiver (POST /telegram/<botId>), liveness (GET /health: the process answers), readiness
 * (GET /ready: database reachable and bots loaded, else 503 with the reason) and Prometheus
 * (GET /metrics). Each webhook request gets a request id (x-request-id, in its log lines).
 * Webhooks answer 200 once the update is stored or set aside (receive-updates.ts), and a body that is
 * no update is logged and answered 200 too: Telegram retries a non-2xx forever, which for one bad
 * update would mean forever. Only a failing database answers 500, so Telegram retries what we could
 * not keep.
 */
export function createHttpServer(
  supervisor: BotSupervisor,
  log: Logger,
  ops: { readiness: Readiness; metricsToken?: string | null },
): Server {
  const { readiness } = ops;
  return createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && path === "/health") return send(200, { ok: true });
    if (req.method === "GET" && path === "/ready") {
      const state = await readiness.check();
      return send(state.ready ? 200 : 503, state.ready ? { ok: true } : { ok: false, reason: state.reason });
    }
    if (req.method === "GET" && path === "/metrics") {
      if (ops.metricsToken && !bearerMatches(req.headers.authorization, ops.metricsToken))
        return send(401, { ok: false, error: "metrics need the METRICS_TOKEN bearer" });
      try {
        const { contentType, body } = await scrape();
        res.writeHead(200, { "content-type": contentType });
        return res.end(body);
      } catch (err) {
        log("error", "metrics scrape failed", { error: String(err) });
        return send(500, { ok: false });
      }
    }
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    let botId: string | undefined;
    try {
      const match = /^\/telegram\/([0-9a-f-]{36})$/.exec(path ?? "");
      if (req.method !== "POST" || !match) return send(404, { ok: false });
      botId = match[1]!;
      const runner = supervisor.runner(botId);
      if (!runner) return send(404, { ok: false, error: "unknown bot" });
      const body = await readBody(req);
      log("debug", "webhook update", { requestId, botId, body: body.kind });
      const header = req.headers["x-telegram-bot-api-secret-token"];
      const outcome = await runner.acceptWebhook(Array.isArray(header) ? header[0] : header, body);
      if (outcome === "forbidden") {
        log("warn", "webhook request with a wrong secret token", { requestId, botId });
        return send(401, { ok: false, error: "bad secret token" });
      }
      return send(200, { ok: true });
    } catch (err) {
      log("error", "webhook request failed", { requestId, botId, error: String(err) });
      return send(500, { ok: false });
    }
  });
}
