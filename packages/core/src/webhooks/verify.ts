import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * How Send-webhook deliveries are signed, and the verification recipe receivers copy (docs/webhooks.md
 * shows `verifyWebhookSignature` verbatim; the runtime's integration test verifies with it). Only
 * node:crypto, so the function can be pasted into any Node receiver as is.
 */

export const WEBHOOK_TIMESTAMP_HEADER = "X-Switchboard-Timestamp";
export const WEBHOOK_SIGNATURE_HEADER = "X-Switchboard-Signature";
export const WEBHOOK_DELIVERY_HEADER = "X-Switchboard-Delivery";

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` */
export function signWebhookBody(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

// recipe:start
/**
 * Verifies a Switchboard webhook: the signature must match the raw body and timestamp under your
 * signing secret, and the timestamp must be within 5 minutes of now (a replayed old request is refused).
 * Pass the raw request body (not re-serialised JSON) and the two headers as received.
 */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = Number(timestampHeader);
  if (!timestampHeader || !Number.isInteger(timestamp)) return false;
  if (Math.abs(nowSeconds - timestamp) > 5 * 60) return false;
  const expected = Buffer.from(
    `v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`,
  );
  const received = Buffer.from(signatureHeader ?? "");
  return received.length === expected.length && timingSafeEqual(received, expected);
}
// recipe:end
