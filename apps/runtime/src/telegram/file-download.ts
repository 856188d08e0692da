import { BOT_DOWNLOAD_MAX_BYTES } from "@switchboard/core";
import { type Telegram, TelegramError } from "telegraf";

/** One download (getFile + the bytes) gives up after this long; it is retried later. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

export type FetchOutcome =
  | { kind: "ok"; bytes: Uint8Array }
  /** Over the 20 MB bots may fetch: never worth another try. */
  | { kind: "too_big"; reason: string }
  /** Worth trying again: after `retryAfterSeconds` when Telegram said (429), else after a backoff. */
  | { kind: "retry"; error: string; retryAfterSeconds?: number };

/**
 * Fetches a file a user sent, as the Bot API documents it: getFile gives a `file_path`, then
 * `GET {apiRoot}/file/bot<token>/<file_path>` (Telegraf's getFileLink builds that URL). Never throws:
 * every way it can go wrong is an outcome the download queue knows how to keep.
 */
export async function fetchTelegramFile(
  telegram: Telegram,
  telegramFileId: string,
  stop: AbortSignal,
): Promise<FetchOutcome> {
  const signal = AbortSignal.any([stop, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)]);
  let file: Awaited<ReturnType<Telegram["getFile"]>>;
  try {
    // Telegraf types the signal as its abort-controller polyfill's; its fetch takes the native one.
    file = await telegram.callApi("getFile", { file_id: telegramFileId }, { signal: signal as never });
  } catch (err) {
    return telegramFailure(err);
  }
  if (file.file_size !== undefined && file.file_size > BOT_DOWNLOAD_MAX_BYTES)
    return tooBig(`getFile says ${file.file_size} bytes`);
  if (!file.file_path) return { kind: "retry", error: "getFile answered without a file_path" };
  try {
    const url = await telegram.getFileLink(file);
    const response = await fetch(url, { signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { kind: "retry", error: `download answered HTTP ${response.status}` };
    }
    return await readCapped(response);
  } catch (err) {
    return { kind: "retry", error: `download failed: ${String(err)}` };
  }
}

function telegramFailure(err: unknown): FetchOutcome {
  if (!(err instanceof TelegramError)) return { kind: "retry", error: `getFile failed: ${String(err)}` };
  const error = `getFile: ${err.code} ${err.description}`;
  // The Bot API server's answer for a file over the download limit.
  if (err.code === 400 && /file is too big/i.test(err.description)) return tooBig(err.description);
  if (err.code === 429) return { kind: "retry", error, retryAfterSeconds: err.parameters?.retry_after ?? 1 };
  return { kind: "retry", error };
}

/** Reads the body, refusing more than bots may download: a misbehaving server can't fill memory. */
async function readCapped(response: Response): Promise<FetchOutcome> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > BOT_DOWNLOAD_MAX_BYTES) {
    await response.body?.cancel().catch(() => {});
    return tooBig(`the download is ${declared} bytes`);
  }
  const reader = response.body?.getReader();
  if (!reader) return { kind: "ok", bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > BOT_DOWNLOAD_MAX_BYTES) {
      await reader.cancel().catch(() => {});
      return tooBig(`the download passed ${BOT_DOWNLOAD_MAX_BYTES} bytes`);
    }
    chunks.push(value);
  }
  if (total === 0) return { kind: "retry", error: "the download was empty" };
  return { kind: "ok", bytes: Buffer.concat(chunks, total) };
}

function tooBig(detail: string): FetchOutcome {
  return {
    kind: "too_big",
    reason: `File too large to download (Telegram bots can fetch up to 20 MB): ${detail}`,
  };
}
