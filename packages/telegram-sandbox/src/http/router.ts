// Routes HTTP requests: `/bot<token>/<method>` (Bot API), `/file/bot<token>/<path>` (file
// downloads) and `/sandbox/<route>` (control API).

import type { IncomingMessage, ServerResponse } from "node:http";
import type { BotApi } from "../bot-api/dispatcher";
import { UPLOAD_MAX_BYTES, USER_UPLOAD_MAX_BYTES } from "../bot-api/media-input";
import type { ControlRoutes } from "../control/routes";
import { ApiError, ControlError, Errors } from "../errors";
import { fileBelongsTo } from "../files";
import type { Store } from "../store";
import { readBody } from "./body";
import { streamBotMessages } from "./bot-message-stream";
import { boundaryOf, MultipartError, parseMultipart } from "./multipart";
import { type Params, parseParams } from "./params";

/** Room for the other multipart fields next to a maximum-size document. */
const BOT_API_BODY_LIMIT = UPLOAD_MAX_BYTES + 1024 * 1024;
const CONTROL_BODY_LIMIT = 1024 * 1024;
/** A person's file (send-media) may be as large as Telegram lets people send, plus room for the rest. */
const USER_MEDIA_BODY_LIMIT = USER_UPLOAD_MAX_BYTES + 1024 * 1024;

export interface RouterDeps {
  store: Store;
  api: BotApi;
  control: ControlRoutes;
}

export function createRouter(deps: RouterDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(deps, req, res).catch((error: unknown) => {
      console.error("[telegram-sandbox] request failed:", error);
      sendJson(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    });
  };
}

async function route(deps: RouterDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  const path = url.pathname;
  // "/test/" is Telegram's test environment prefix (grammY environment:"test", Telegraf testEnv).
  let match = path.match(/^\/bot([^/]+)\/(?:test\/)?([^/]*)$/);
  if (match) return botApi(deps, req, res, decodeURIComponent(match[1] ?? ""), match[2] ?? "", url);
  match = path.match(/^\/file\/bot([^/]+)\/(.+)$/);
  if (match)
    return download(deps, res, decodeURIComponent(match[1] ?? ""), decodeURIComponent(match[2] ?? ""));
  if (path === "/sandbox/bot-message-stream" && req.method === "GET")
    return streamBotMessages(deps.store, req, res);
  match = path.match(/^\/sandbox\/([a-z-]+)\/?$/);
  if (match) return control(deps, req, res, match[1] ?? "", url);
  sendJson(res, 404, Errors.notFound().toJSON());
}

async function botApi(
  deps: RouterDeps,
  req: IncomingMessage,
  res: ServerResponse,
  token: string,
  method: string,
  url: URL,
): Promise<void> {
  const bot = deps.store.bots.get(token);
  if (!bot) {
    req.resume();
    return sendJson(res, 401, Errors.unauthorized().toJSON());
  }
  const body = await readBody(req, BOT_API_BODY_LIMIT);
  if (body.tooLarge) return sendJson(res, 413, Errors.tooLarge().toJSON());
  let params: Params;
  try {
    params = parseParams(url.searchParams, String(req.headers["content-type"] ?? ""), body.data);
  } catch (error) {
    if (error instanceof ApiError) return sendJson(res, error.code, error.toJSON());
    throw error;
  }
  const outcome = await deps.api.call(bot, method, params, { signal: disconnectSignal(res) });
  sendJson(res, outcome.status, outcome.body);
}

async function download(
  deps: RouterDeps,
  res: ServerResponse,
  token: string,
  filePath: string,
): Promise<void> {
  const bot = deps.store.bots.get(token);
  const file = bot ? deps.store.files.getByPath(filePath) : undefined;
  // Files are per bot: another bot's file_path is not found, as on Telegram.
  if (!file?.data || !bot || !fileBelongsTo(file, bot.id))
    return sendJson(res, 404, Errors.notFound().toJSON());
  res.writeHead(200, {
    "content-type": file.mimeType ?? "application/octet-stream",
    "content-length": file.data.length,
  });
  res.end(file.data);
}

async function control(
  deps: RouterDeps,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  url: URL,
): Promise<void> {
  try {
    const limit = name === "send-media" ? USER_MEDIA_BODY_LIMIT : CONTROL_BODY_LIMIT;
    const body = await readBody(req, limit);
    if (body.tooLarge) throw new ControlError(413, `control request body over ${limit} bytes`);
    let input: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const boundary = boundaryOf(String(req.headers["content-type"] ?? ""));
    if (boundary && /^multipart\/form-data/i.test(String(req.headers["content-type"]))) {
      input = { ...input, ...controlMultipart(body.data, boundary) };
    } else if (body.data.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.data.toString("utf8"));
      } catch {
        throw new ControlError(400, "control request body must be JSON");
      }
      if (typeof parsed !== "object" || parsed === null)
        throw new ControlError(400, "control body must be an object");
      input = { ...input, ...parsed };
    }
    const result = await deps.control.handle(name, input, disconnectSignal(res));
    sendJson(res, 200, result ?? null);
  } catch (error) {
    if (error instanceof ControlError) return sendJson(res, error.status, { error: error.message });
    throw error;
  }
}

/**
 * A control request as multipart form data (SandboxClient.sendMedia with bytes): the JSON input in
 * the field "payload", each file part under its field name as a Buffer.
 */
function controlMultipart(data: Buffer, boundary: string): Record<string, unknown> {
  let parts: ReturnType<typeof parseMultipart>;
  try {
    parts = parseMultipart(data, boundary);
  } catch (error) {
    if (error instanceof MultipartError) throw new ControlError(400, `bad multipart body: ${error.message}`);
    throw error;
  }
  let input: Record<string, unknown> = {};
  if (parts.fields.payload !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(parts.fields.payload);
    } catch {
      throw new ControlError(400, 'the multipart field "payload" must be JSON');
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new ControlError(400, 'the multipart field "payload" must be a JSON object');
    input = parsed as Record<string, unknown>;
  }
  for (const [field, file] of parts.files) input[field] = file.data;
  return input;
}

/** Aborts when the client goes away before we answered (lets long polls stop waiting). */
function disconnectSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}
