import { CHANNELS, parseOutboxWakeUp } from "@switchboard/core";
import { bots } from "@switchboard/db";
import { eq } from "drizzle-orm";
import type { Sql } from "postgres";
import { BotRunner, botFingerprint, type RunnerDeps } from "./bot-runner";

/** A bot that failed to start is retried after this long (a token may be fixed in BotFather). */
const FAILED_RETRY_MS = 60_000;

/**
 * Keeps one BotRunner per enabled bot: starts new ones, restarts changed ones, stops removed or
 * disabled ones. Reacts to NOTIFY on the bots channel at once and re-reads the table periodically.
 */
export class BotSupervisor {
  private readonly runners = new Map<string, { runner: BotRunner; failedAt?: number }>();
  private timer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> = Promise.resolve();
  private readonly unlisteners: (() => Promise<void>)[] = [];
  /** True once the bots table was read and every enabled bot was started (or failed) once: /ready. */
  loadedOnce = false;

  /** `sql` is the pool's client, for LISTEN. */
  constructor(private readonly deps: RunnerDeps & { sql: Sql }) {}

  async start(): Promise<void> {
    const bots = await this.deps.sql.listen(CHANNELS.bots, (botId) => {
      void this.reload().then(() => {
        const runner = this.runner(botId);
        void runner?.syncSchedules();
        void runner?.checkOperatorGroup();
      });
    });
    // Messages queued by another process (the admin, a timer in another runtime) go out at once.
    const outbox = await this.deps.sql.listen(CHANNELS.outbox, (payload) => {
      const wake = parseOutboxWakeUp(payload);
      if (wake) this.runner(wake.botId)?.deliverNow(wake.conversationId, wake.chatId);
    });
    // Lines for a bot's operators' group (core forum/): its topic delivery looks at once.
    const topics = await this.deps.sql.listen(CHANNELS.topicOutbox, (botId) => {
      this.runner(botId)?.deliverTopicsNow();
    });
    this.unlisteners.push(
      () => bots.unlisten(),
      () => outbox.unlisten(),
      () => topics.unlisten(),
    );
    await this.reload();
    this.timer = setInterval(() => void this.reload(), this.deps.config.reloadIntervalMs);
  }

  runner(botId: string): BotRunner | undefined {
    const entry = this.runners.get(botId);
    return entry && !entry.runner.failed ? entry.runner : undefined;
  }

  /** Serialized so two notifications can't start one bot twice. */
  reload(): Promise<void> {
    this.reloading = this.reloading
      .then(() => this.reconcile())
      .then(() => {
        this.loadedOnce = true;
      })
      .catch((err) => {
        this.deps.log("error", "reloading bots failed", { error: String(err) });
      });
    return this.reloading;
  }

  private async reconcile(): Promise<void> {
    const rows = await this.deps.db.select().from(bots).where(eq(bots.enabled, true));
    const wanted = new Map(rows.map((r) => [r.id, r]));
    for (const [id, entry] of this.runners) {
      const row = wanted.get(id);
      const retryDue = entry.runner.failed && Date.now() - (entry.failedAt ?? 0) > FAILED_RETRY_MS;
      if (!row || botFingerprint(row) !== entry.runner.fingerprint || retryDue) {
        await entry.runner.stop();
        this.runners.delete(id);
      } else if (entry.runner.failed && entry.failedAt === undefined) entry.failedAt = Date.now();
    }
    for (const row of rows) {
      if (this.runners.has(row.id)) continue;
      const runner = new BotRunner(row, this.deps);
      this.runners.set(row.id, { runner });
      try {
        await runner.start();
      } catch (err) {
        this.deps.log("error", "bot failed to start", { botId: row.id, error: String(err) });
      }
      if (runner.failed) this.runners.set(row.id, { runner, failedAt: Date.now() });
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const unlisten of this.unlisteners) await unlisten().catch(() => {});
    await this.reloading;
    await Promise.all([...this.runners.values()].map((e) => e.runner.stop()));
    this.runners.clear();
  }
}
