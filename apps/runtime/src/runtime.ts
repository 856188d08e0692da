import type { AddressInfo } from "node:net";
import { DEFAULT_BOT_LOG_KEEP_DAYS, LocalFileStorage } from "@switchboard/core";
import { createDb, secretKeyFromEnv } from "@switchboard/db";
import type { RuntimeConfig } from "./config";
import { anyAddress, publicOnly } from "./http/address-policy";
import { createHttpServer } from "./http-server";
import { HttpWorker } from "./http-worker";
import { createLogger } from "./log";
import { MediaDownloadWorker } from "./media-worker";
import { metrics } from "./metrics";
import { BOT_BURST_MS } from "./pacing/bot-pacer";
import { BudgetReservations } from "./pacing/budget-reservations";
import { PollLeadership } from "./poll-leadership";
import { createReadiness } from "./readiness";
import { RetentionWorker } from "./retention-worker";
import { RoutingWorker } from "./routing-worker";
import { SentRecorder } from "./sent-recorder";
import { StepCountFlusher } from "./step-count-flusher";
import { BotSupervisor } from "./supervisor";
import { TimerWorker } from "./timer-worker";
import { DEFAULT_BATCHING, UpdateBatcher } from "./update-batcher";
import { UpdateStore } from "./update-store";
import { WebhookWorker } from "./webhook-worker";

export interface Runtime {
  /** Port of the webhook/health server (0 when not listening). */
  port: number;
  supervisor: BotSupervisor;
  stop(): Promise<void>;
}

/** Starts the runtime: every enabled bot, plus the webhook/health HTTP server. */
export async function startRuntime(config: RuntimeConfig, secretKey = secretKeyFromEnv()): Promise<Runtime> {
  const log = createLogger(`runtime ${config.instanceId}`);
  const applicationName = `switchboard-runtime ${config.instanceId}`.slice(0, 63);
  const batching = config.updateBatching ?? DEFAULT_BATCHING;
  // The update batches' transactions, plus room for sends' records, timers, jobs and the admin's reads.
  const poolMax = Math.max(20, batching.maxBatches + 14);
  const { db, sql, close } = createDb(config.databaseUrl, { max: poolMax, applicationName });
  const unwatchDatabase = metrics.watchDatabase({ sql, poolMax, applicationName });
  const leadership = new PollLeadership(config.databaseUrl);
  const core = { adminBaseUrl: config.adminBaseUrl };
  const files = new LocalFileStorage(config.filesDir);
  const recorder = new SentRecorder(db);
  const updates = new UpdateBatcher(db, batching);
  const inbox = new UpdateStore(db);
  const budgets = new BudgetReservations(db, BOT_BURST_MS);
  const stepCounts = new StepCountFlusher(db, log);
  const supervisor = new BotSupervisor({
    db,
    sql,
    leadership,
    config,
    log,
    secretKey,
    core,
    files,
    updates,
    budgets,
    recorder,
    inbox,
    stepCounts: stepCounts.buffer,
  });
  const timers = new TimerWorker({ db, sql, env: core, log, pollMs: config.timerPollMs });
  const routing = new RoutingWorker({ db, sql, env: core, log });
  const retention = new RetentionWorker({
    db,
    log,
    botLogKeepDays: config.botLogRetentionDays ?? DEFAULT_BOT_LOG_KEEP_DAYS,
    ...(config.pruneEveryMs ? { everyMs: config.pruneEveryMs } : {}),
  });
  const downloads =
    config.mediaDownloads === false
      ? null
      : new MediaDownloadWorker({
          db,
          sql,
          files,
          log,
          secretKey,
          apiRoot: config.apiRoot,
          pollMs: config.downloadPollMs ?? 2000,
        });
  // One rule for every call the runtime makes on a flow's behalf (HTTP request steps, webhooks).
  const outboundPolicy = config.httpAddressPolicy ?? (config.httpAllowPrivate ? anyAddress : publicOnly);
  const webhooks =
    config.webhooks === false
      ? null
      : new WebhookWorker({
          db,
          sql,
          log,
          secretKey,
          pollMs: config.webhookPollMs ?? 2000,
          policy: outboundPolicy,
          ...(config.webhookRetry ? { retry: config.webhookRetry } : {}),
        });
  const calls =
    config.httpCalls === false
      ? null
      : new HttpWorker({
          db,
          sql,
          env: core,
          log,
          secretKey,
          policy: outboundPolicy,
          pollMs: config.httpPollMs ?? 2000,
        });
  const readiness = createReadiness(sql, () => supervisor.loadedOnce);
  const server = createHttpServer(supervisor, log, {
    readiness,
    metricsToken: config.metricsToken ?? null,
  });
  let port = 0;
  if (config.port !== 0 || config.webhookBaseUrl) {
    await new Promise<void>((resolve) => server.listen(config.port, "0.0.0.0", resolve));
    port = (server.address() as AddressInfo).port;
  }
  await supervisor.start();
  await timers.start();
  await routing.start();
  retention.start();
  stepCounts.start();
  await downloads?.start();
  await webhooks?.start();
  await calls?.start();
  log("info", `runtime started${port ? ` (webhooks, /health, /ready and /metrics on :${port})` : ""}`, {
    apiRoot: config.apiRoot,
  });
  return {
    port,
    supervisor,
    async stop() {
      // Stop taking webhooks first, then let the bots finish what they hold, then close the pools.
      const serverClosed = new Promise<void>((resolve) =>
        server.listening ? server.close(() => resolve()) : resolve(),
      );
      await webhooks?.stop();
      await calls?.stop();
      await downloads?.stop();
      await routing.stop();
      await retention.stop();
      await timers.stop();
      await supervisor.stop();
      await stepCounts.stop();
      await serverClosed;
      await leadership.close();
      unwatchDatabase();
      await close();
    },
  };
}
