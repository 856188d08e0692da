import type { IncomingMessage } from "node:http";
import {
  signWebhookBody,
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_RESPONSE_KEEP,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type WebhookAttempt,
} from "@switchboard/core";
import type { AddressPolicy } from "../http/address-policy";
import { CallError, sendPinned } from "../http/fetcher";

/** A receiver has this long to answer a delivery. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface PostOptions {
  secret: string;
  /** Which addresses a delivery may reach (the HTTP request steps' policy: public only unless allowed). */
  policy: AddressPolicy;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Reads at most WEBHOOK_RESPONSE_KEEP bytes of an answer's body, then lets the rest go. */
async function bodyStart(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= WEBHOOK_RESPONSE_KEEP) break;
  }
  response.destroy();
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
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const headers = [
      ["user-agent", "Switchboard-Webhooks/1"],
      [WEBHOOK_TIMESTAMP_HEADER, String(timestamp)],
      [WEBHOOK_SIGNATURE_HEADER, signWebhookBody(options.secret, timestamp, body)],
      [WEBHOOK_DELIVERY_HEADER, delivery.id],
    ].map(([name, value]) => ({ name: name!, value: value!, sensitive: false }));
    // The address is checked and the connection pinned to it; a 3xx is an answer, never followed.
    const response = await sendPinned(url, "POST", headers, body, signal, { policy: options.policy });
    return { kind: "response", statusCode: response.statusCode ?? 0, body: await bodyStart(response) };
  } catch (err) {
    if (err instanceof CallError)
      return err.message.startsWith("refused")
        ? { kind: "error", error: `Refused: ${err.message.replace(/^refused: /, "")}`, final: true }
        : { kind: "error", error: err.message };
    if (timeout.aborted)
      return {
        kind: "error",
        error: `No answer within ${(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s.`,
      };
    const code = (err as { code?: string }).code;
    return { kind: "error", error: code ?? (err as Error).message ?? String(err) };
  }
}
