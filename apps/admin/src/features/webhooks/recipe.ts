/*
 * The signature verification recipe receivers copy: the same text as docs/webhooks.md and as
 * `verifyWebhookSignature` in packages/core/src/webhooks/verify.ts (recipe.test.ts keeps them equal).
 */
export const VERIFY_RECIPE = `import { createHmac, timingSafeEqual } from "node:crypto";

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
    \`v1=\${createHmac("sha256", secret).update(\`\${timestamp}.\${rawBody}\`).digest("hex")}\`,
  );
  const received = Buffer.from(signatureHeader ?? "");
  return received.length === expected.length && timingSafeEqual(received, expected);
}
`;
