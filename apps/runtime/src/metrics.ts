import type { Sql } from "postgres";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The runtime's Prometheus metrics (GET /metrics on the webhook/health server). Every definition is
 * here; the hot path calls the small functions of `metrics` below, one line per call site.
 *
 * Label cardinality: `bot_id` is a label on the two per-bot counters (a few hundred bots is fine for
 * Prometheus; thousands would not be). Chat ids, update ids and user data are never labels.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "switchboard_runtime_" });

const updatesReceived = new Counter({
  name: "switchboard_updates_received_total",
  help: "Telegram updates received (getUpdates or webhook), before deduplication, by bot.",
  labelNames: ["bot_id"] as const,
  registers: [registry],
});

const updateProcessing = new Histogram({
  name: "switchboard_update_processing_seconds",
  help: "Time to process one update: chat lock, flow engine and commit (sending not included).",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const updateFailures = new Counter({
  name: "switchboard_update_failures_total",
  help: "Update processing attempts that threw (the update is retried, then set aside).",
  registers: [registry],
});

const updateBatchChats = new Histogram({
  name: "switchboard_update_batch_chats",
  help: "Chats whose updates one processing transaction took (1 = alone; more while every batch slot is busy).",
  buckets: [1, 2, 4, 8, 12, 16],
  registers: [registry],
});

const updateBatchSplits = new Counter({
  name: "switchboard_update_batch_splits_total",
  help: "Batches of several chats that failed and were redone chat by chat.",
  registers: [registry],
});

/** What became of one attempt to send an outgoing message. */
export type SendOutcome = "ok" | "retry" | "failed" | "blocked" | "rate_limited" | "unauthorized";

const sends = new Counter({
  name: "switchboard_sends_total",
  help: "Attempts to send an outgoing message, by result (rate_limited = Telegram answered 429).",
  labelNames: ["result"] as const,
  registers: [registry],
});

const rateLimited = new Counter({
  name: "switchboard_telegram_429_total",
  help: "Telegram flood-control answers (429) while sending, by bot.",
  labelNames: ["bot_id"] as const,
  registers: [registry],
});

const pacerWaits = new Counter({
  name: "switchboard_pacer_waits_total",
  help: "Times the pacer held a bot's sends back for a limit (limit = chat: a chat's or group's own; bot: the bot's rate).",
  labelNames: ["bot_id", "limit"] as const,
  registers: [registry],
});

/** A database this process uses, looked at on every scrape (one cheap query per gauge). */
interface WatchedDatabase {
  sql: Sql;
  poolMax: number;
  /** The pool's application_name, so its own connections can be told apart in pg_stat_activity. */
  applicationName: string;
}
const databases = new Set<WatchedDatabase>();

/** Scrape queries must not hang a scrape when the database does not answer. */
const SCRAPE_QUERY_TIMEOUT_MS = 2000;

function withTimeout<T>(query: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("scrape query timed out")), SCRAPE_QUERY_TIMEOUT_MS);
  });
  return Promise.race([query, timeout]).finally(() => clearTimeout(timer));
}

/** A gauge summed over the watched databases on each scrape; left empty when a query fails. */
function scrapedGauge(name: string, help: string, query: (sql: Sql) => Promise<{ n: number }[]>) {
  return new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        let total = 0;
        for (const db of databases) total += Number((await withTimeout(query(db.sql)))[0]?.n ?? 0);
        if (databases.size > 0) this.set(total);
      } catch {
        // No value is better than a stale one; /ready says why the database is unreachable.
      }
    },
  });
}

scrapedGauge(
  "switchboard_pending_updates",
  "Stored updates not processed yet (all bots; served by processed_updates_pending_idx).",
  (sql) => sql`select count(*)::int as n from processed_updates where processed_at is null`,
);

scrapedGauge(
  "switchboard_pending_outbox_messages",
  "Outgoing messages waiting to be sent (all bots; served by messages_pending_idx).",
  (sql) => sql`select count(*)::int as n from messages where delivery_status = 'pending'`,
);

new Gauge({
  name: "switchboard_db_pool_max",
  help: "Connections the runtime's database pool may open.",
  registers: [registry],
  collect() {
    this.set([...databases].reduce((sum, db) => sum + db.poolMax, 0));
  },
});

/**
 * The `postgres` driver keeps its pool state private, so the pool's connections are counted by
 * Postgres itself: pg_stat_activity by application_name, state active (running a query) or idle.
 */
new Gauge({
  name: "switchboard_db_connections",
  help: "Open connections of the runtime's pool, by state (active = running a query).",
  labelNames: ["state"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    try {
      const counts = new Map<string, number>();
      for (const db of databases) {
        const rows = await withTimeout(
          db.sql<{ state: string; n: number }[]>`
            select coalesce(state, 'unknown') as state, count(*)::int as n
            from pg_stat_activity where application_name = ${db.applicationName} group by 1`,
        );
        for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + row.n);
      }
      for (const [state, n] of counts) this.set({ state }, n);
    } catch {
      // As above: an unreachable database leaves the gauge empty.
    }
  },
});

export const metrics = {
  /** Updates that arrived for a bot (counted as they are handed to the inbox). */
  updatesReceived(botId: string, count = 1): void {
    if (count > 0) updatesReceived.inc({ bot_id: botId }, count);
  },
  /** Starts timing one update; call the returned function when it is committed. */
  processingTimer(): () => void {
    const end = updateProcessing.startTimer();
    return () => void end();
  },
  observeProcessing(ms: number): void {
    updateProcessing.observe(ms / 1000);
  },
  /** A processing transaction committed or failed with this many chats. */
  updateBatch(chats: number): void {
    updateBatchChats.observe(chats);
  },
  updateBatchSplit(): void {
    updateBatchSplits.inc();
  },
  updateFailed(): void {
    updateFailures.inc();
  },
  sent(result: SendOutcome): void {
    sends.inc({ result });
  },
  rateLimited(botId: string): void {
    rateLimited.inc({ bot_id: botId });
  },
  pacerWaited(botId: string, limit: "chat" | "bot"): void {
    pacerWaits.inc({ bot_id: botId, limit });
  },
  /** How often the pacer held this bot's sends back, per limit (tests read it to prove "no added wait"). */
  async pacerWaitsOf(botId: string): Promise<{ chat: number; bot: number }> {
    const { values } = await pacerWaits.get();
    const of = (limit: string) =>
      values.find((v) => v.labels.bot_id === botId && v.labels.limit === limit)?.value ?? 0;
    return { chat: of("chat"), bot: of("bot") };
  },
  /** Looks at this pool on scrapes until the returned function is called (at runtime stop). */
  watchDatabase(db: WatchedDatabase): () => void {
    databases.add(db);
    return () => void databases.delete(db);
  },
};

/** The exposition text and its content type, for GET /metrics. */
export async function scrape(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
