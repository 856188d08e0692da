import { z } from "zod";
import { problem } from "../../compiler/problems";
import { defineStep, NEXT_HANDLE, nextOutput } from "../define-step";

/** A key of the payload's `extra` object. */
export const webhookExtraKeySchema = z
  .string()
  .min(1, "a field name is required")
  .max(64)
  .regex(
    /^[A-Za-z_][A-Za-z0-9_.-]*$/,
    "field names start with a letter and use letters, digits, '_', '-' and '.'",
  );

export const webhookExtraFieldSchema = z.object({
  key: webhookExtraKeySchema,
  /** A template. */
  value: z.string().max(2000),
});
export type WebhookExtraField = z.infer<typeof webhookExtraFieldSchema>;

export const sendWebhookConfigSchema = z.object({
  /** Where to POST (a template: the host may come from a bot variable). */
  url: z.string().max(2048).default(""),
  /** Extra values to include as the payload's `extra` object, in this order. */
  extra: z.array(webhookExtraFieldSchema).max(50).default([]),
});
export type SendWebhookConfig = z.infer<typeof sendWebhookConfigSchema>;

/**
 * Whether a webhook URL (before rendering) can work: http(s) with a host. A URL starting with a
 * template is only checked after rendering (a failed render fails the delivery, see the delivery log).
 */
export function isWebhookUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith("{{")) return true;
  try {
    const u = new URL(trimmed.replace(/\{\{[^{}]*\}\}/g, "x"));
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * POSTs the conversation, the contact and the variables as signed JSON to a URL. It never waits: the
 * core writes a delivery row in the step's transaction and a runtime delivers it in the background
 * (retried with backoff for a day; see docs/webhooks.md).
 */
export const sendWebhookStep = defineStep({
  type: "send_webhook",
  label: "Send webhook",
  description: "POSTs the conversation, contact and variables as signed JSON to your URL, in the background.",
  waits: false,
  configSchema: sendWebhookConfigSchema,
  defaults: (): SendWebhookConfig => ({ url: "https://", extra: [] }),
  outputs: () => nextOutput(),
  templates: (c) => [c.url, ...c.extra.map((f) => f.value)],
  writesVariables: () => [],
  check: (step) => {
    const { config } = step;
    const out = [];
    if (config.url.trim() === "")
      out.push(
        problem("INVALID_URL", "Give the webhook a URL to send to.", { stepId: step.id, path: "config.url" }),
      );
    else if (!isWebhookUrl(config.url))
      out.push(
        problem("INVALID_URL", `The webhook needs a full http(s) URL, got "${config.url}".`, {
          stepId: step.id,
          path: "config.url",
        }),
      );
    const seen = new Set<string>();
    config.extra.forEach((f, i) => {
      if (seen.has(f.key))
        out.push(
          problem("DUPLICATE_EXTRA_KEY", `The extra field "${f.key}" is listed twice; keep one.`, {
            stepId: step.id,
            path: `config.extra.${i}.key`,
          }),
        );
      seen.add(f.key);
    });
    return out;
  },
  handler: {
    enter(step, io) {
      const extra: Record<string, string> = {};
      for (const f of step.config.extra) extra[f.key] = io.render(f.value);
      io.act({
        type: "send_webhook",
        stepId: step.id,
        url: io.render(step.config.url).trim(),
        extra,
        variables: { ...io.vars },
      });
      return { wait: false, next: step.outputs[NEXT_HANDLE] ?? null, output: NEXT_HANDLE };
    },
  },
});
