import { EventEmitter } from "node:events";
import { CHANNELS, parseRealtimeNotice } from "@switchboard/core";
import { connectPostgres } from "@switchboard/db";
import type postgres from "postgres";

/**
 * One LISTEN connection per process for the realtime feed (core realtime/emit.ts). Subscriptions wait
 * on it for their workspace's notices and then read the events from the table, so a notice is only a
 * wake-up: nothing is lost if one is missed, and several admin processes all hear every change.
 */
export class RealtimeHub {
  private readonly emitter = new EventEmitter();
  private started: Promise<void> | null = null;
  private sql: postgres.Sql | null = null;

  constructor(private readonly databaseUrl: string) {
    this.emitter.setMaxListeners(0);
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      this.sql = connectPostgres(this.databaseUrl, { max: 1, onnotice: () => {} });
      await this.sql.listen(CHANNELS.realtime, (payload) => {
        const notice = parseRealtimeNotice(payload);
        if (notice) this.emitter.emit(notice.workspaceId, notice.id);
      });
    })().catch((err) => {
      this.started = null;
      throw err;
    });
    return this.started;
  }

  /**
   * Calls `onNotice` for every event of the workspace announced from now on, until `signal` aborts.
   * Resolves once listening, so a caller that reads the table afterwards misses nothing.
   */
  async watch(workspaceId: string, onNotice: (id: number) => void, signal: AbortSignal): Promise<void> {
    await this.start();
    this.emitter.on(workspaceId, onNotice);
    signal.addEventListener("abort", () => this.emitter.off(workspaceId, onNotice), { once: true });
  }

  /** Live feeds waiting on this hub now (one listener per open subscription). */
  subscriberCount(): number {
    return this.emitter.eventNames().reduce((sum, name) => sum + this.emitter.listenerCount(name), 0);
  }

  async close() {
    await this.sql?.end({ timeout: 2 }).catch(() => {});
    this.sql = null;
    this.started = null;
  }
}
