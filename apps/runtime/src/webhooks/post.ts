import {
  signWebhookBody,
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_RESPONSE_KEEP,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type WebhookAttempt,
} from "@switchboard/core";
import { privateAddressProblem } from "./private-address";

/** A receiver has this long to answer a delivery. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface PostOptions {
  secret: string;
  /** Let deliveries reach private and loopback addresses (tests, on-premise receivers). */
  allowPrivate: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Reads at most WEBHOOK_RESPONSE_KEEP bytes of an answer's body, then lets the rest go. */
async function bodyStart(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < WEBHOOK_RESPONSE_KEEP) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, WEBHOOK_RESPONSE_KEEP).toString("utf8");
}

/**
 * POSTs one delivery, signed, and says what came of it. Redirects are not followed (a 3xx is a failed
 * attempt, so a redirect can't lead past the address guard); a 10 s timeout.
 */
export async function postWebhook(
  delivery: { id: string; url: string; payload: unknown },
  options: PostOptions,
): Promise<WebhookAttempt> {
  let url: URL;
  try {
    url = new URL(delivery.url);
  } catch {
    return { kind: "error", error: "Not a valid URL.", final: true };
  }
  if (!options.allowPrivate) {
    try {
      const problem = await privateAddressProblem(url);
      if (problem) return { kind: "error", error: `Refused: ${problem}`, final: true };
    } catch (err) {
      return { kind: "error", error: `Could not resolve ${url.hostname}: ${String(err)}` };
    }
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal,
      headers: {
        "content-type": "application/json",
        "user-agent": "Switchboard-Webhooks/1",
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(options.secret, timestamp, body),
        [WEBHOOK_DELIVERY_HEADER]: delivery.id,
      },
      body,
    });
    return { kind: "response", statusCode: response.status, body: await bodyStart(response) };
  } catch (err) {
    if (timeout.aborted)
      return {
        kind: "error",
        error: `No answer within ${(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s.`,
      };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { kind: "error", error: cause?.code ?? cause?.message ?? String(err) };
  }
}
