import { STATUS_CODES } from "node:http";
import { type Telegram, TelegramError } from "telegraf";
import { Pool } from "undici";

/*
 * Telegraf's client sends every Bot API call through node-fetch and Node's `http` client: per call a
 * Request, Headers, a body stream, an agent's socket bookkeeping and a response stream. For the runtime
 * that is two calls per message (a share of a getUpdates, a sendMessage), and in the throughput bench's
 * CPU profiles it was about a fifth of the runtime's own CPU. Calls whose parameters are plain JSON —
 * every getUpdates, text reply, edit, answerCallbackQuery... — go through undici's pooled client here
 * instead, which does the same HTTP with a fraction of the work. Telegraf stays the API: the same
 * `telegram.callApi`, the same TelegramError for Telegram's answers, and uploads (multipart) still go
 * through Telegraf's own client.
 */

type CallApi = Telegram["callApi"];
interface ClientInternals {
  token: string;
  options: { apiRoot: string; apiMode: string; testEnv: boolean; webhookReply: boolean };
}

/** One pool per Bot API origin, shared by every bot of the process (connections kept alive). */
const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    // Telegraf's own limit for a call (a long poll holds its connection up to its `timeout`).
    pool = new Pool(origin, { headersTimeout: 500_000, bodyTimeout: 500_000, keepAliveTimeout: 10_000 });
    pools.set(origin, pool);
  }
  return pool;
}

/** Gives `telegram` the JSON transport for calls without uploads; returns it. */
export function withJsonTransport(telegram: Telegram): Telegram {
  const { token, options } = telegram as unknown as ClientInternals;
  // A webhook reply answers inside the webhook's HTTP response: Telegraf's business (the runtime turns it off).
  if (options.webhookReply) return telegram;
  const base = new URL(`./${options.apiMode}${token}${options.testEnv ? "/test" : ""}/`, options.apiRoot);
  const pool = poolFor(base.origin);
  const viaTelegraf: CallApi = telegram.callApi.bind(telegram);
  const callApi = async (
    method: string,
    payload: Record<string, unknown>,
    extra: { signal?: unknown } = {},
  ) => {
    if (carriesUpload(payload)) return viaTelegraf(method as never, payload as never, extra as never);
    const { statusCode, body } = await pool
      .request({
        path: `${base.pathname}${method}`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload, dropNulls),
        signal: extra.signal as AbortSignal | undefined,
      })
      .catch(redactToken);
    if (statusCode >= 500) {
      await body.dump();
      throw new TelegramError(
        { error_code: statusCode, description: STATUS_CODES[statusCode] ?? "" },
        { method, payload },
      );
    }
    const data = (await body.json()) as
      | { ok: true; result: unknown }
      | { ok: false; error_code: number; description: string; parameters?: object };
    if (!data.ok) throw new TelegramError(data, { method, payload });
    return data.result;
  };
  (telegram as unknown as { callApi: typeof callApi }).callApi = callApi;
  return telegram;
}

/** As Telegraf sends JSON: a null or undefined field is left out. */
function dropNulls(_key: string, value: unknown): unknown {
  return value == null ? undefined : value;
}

/** Never echo a token: an error that quotes the URL gets it redacted, as Telegraf does. */
function redactToken(error: unknown): never {
  if (error instanceof Error)
    error.message = error.message.replace(/\/(bot|user)(\d+):[^/]+\//, "/$1$2:[REDACTED]/");
  throw error;
}

/**
 * Whether Telegraf would send the payload as multipart (its `includesMedia`): a field, or a media group's
 * item, holding a file to upload (`source`) or to fetch and upload (`url`).
 */
export function carriesUpload(payload: Record<string, unknown>): boolean {
  for (const key in payload) {
    if (key === "link_preview_options") continue;
    const value = payload[key];
    if (Array.isArray(value)) {
      if (value.some((item) => isUpload((item as { media?: unknown } | null)?.media))) return true;
    } else if (isUpload(value) || isUpload((value as { media?: unknown } | null)?.media)) return true;
  }
  return false;
}

function isUpload(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const file = value as { source?: unknown; url?: unknown };
  return Boolean(file.source) || Boolean(file.url);
}
