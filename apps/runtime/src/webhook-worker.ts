import {
  CHANNELS,
  claimDueWebhooks,
  DEFAULT_WEBHOOK_RETRY,
  recordWebhookAttempt,
  type WebhookJob,
  type WebhookRetryPolicy,
  webhookSigningSecret,
} from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { Sql } from "postgres";
import type { AddressPolicy } from "./http/address-policy";
import type { Logger } from "./log";
import { NotifiedLoop } from "./notified-loop";
import { postWebhook } from "./webhooks/post";

/** Deliveries claimed per round, POSTed at once. */
const BATCH = 8;

export interface WebhookWorkerDeps {
  db: Db;
  sql: Sql;
  log: Logger;
  secretKey: Buffer;
  /** How often due deliveries are looked for (they also wake on NOTIFY switchboard_webhooks). */
  pollMs: number;
  retry?: Partial<WebhookRetryPolicy>;
  /** Which addresses deliveries may reach: the HTTP request steps' policy (SWITCHBOARD_HTTP_ALLOW_PRIVATE). */
  policy: AddressPolicy;
}

/**
 * Delivers Send-webhook POSTs in the background (core webhooks/queue.ts owns the queue). Any runtime
 * may take any delivery; a claim's lease hands it to another runtime if this one dies mid-POST (the
 * receiver may then see it twice and dedupes by X-Switchboard-Delivery).
 */
export class WebhookWorker extends NotifiedLoop {
  private readonly retry: WebhookRetryPolicy;

  constructor(private readonly deps: WebhookWorkerDeps) {
    super({
      sql: deps.sql,
      channel: CHANNELS.webhooks,
      pollMs: deps.pollMs,
      log: deps.log,
      name: "webhook round",
    });
    this.retry = { ...DEFAULT_WEBHOOK_RETRY, ...deps.retry };
  }

  protected override async round(): Promise<{ full: boolean }> {
    const due = await claimDueWebhooks(this.deps.db, BATCH);
    await Promise.all(due.map((job) => this.deliver(job)));
    return { full: due.length === BATCH };
  }

  private async deliver(job: WebhookJob) {
    const { db, log } = this.deps;
    try {
      const { secret } = await webhookSigningSecret(db, job.workspaceId, this.deps.secretKey);
      const attempt = await postWebhook(job, {
        secret,
        policy: this.deps.policy,
        signal: this.signal,
      });
      if (this.signal.aborted) return; // Stopping: the lease hands it to the next runtime.
      const status = await recordWebhookAttempt(db, job, attempt, this.retry);
      if (status !== "delivered")
        log(
          status === "failed" ? "warn" : "info",
          `webhook delivery ${status === "failed" ? "failed" : "will be retried"}`,
          {
            deliveryId: job.id,
            ...(attempt.kind === "response" ? { statusCode: attempt.statusCode } : { error: attempt.error }),
          },
        );
    } catch (err) {
      // The secret or the database failed: an attempt like any other (retried with backoff, given up
      // after a day); if even recording fails, the lease hands the delivery on.
      log("warn", "webhook delivery failed before or after the POST", {
        deliveryId: job.id,
        error: String(err),
      });
      await recordWebhookAttempt(db, job, { kind: "error", error: String(err) }, this.retry).catch(() => {});
    }
  }
}
