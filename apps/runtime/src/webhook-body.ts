/** A webhook request's body as the HTTP server read it; the bot runner judges it after the secret check. */
export type WebhookBody =
  | { kind: "json"; text: string; json: unknown }
  | { kind: "not-json"; error: string }
  | { kind: "too-large"; limitBytes: number };

/**
 * Why an authenticated body that is no JSON can't be stored. Such a body is logged and answered 200:
 * Telegram retries anything else forever, and no retry would fix it.
 */
export function webhookBodyProblem(body: Exclude<WebhookBody, { kind: "json" }>): string {
  return body.kind === "too-large"
    ? `the webhook body was over ${body.limitBytes} bytes`
    : `the webhook body was not JSON (${body.error})`;
}
