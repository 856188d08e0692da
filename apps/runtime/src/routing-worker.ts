import { CHANNELS, type CoreEnv, drainQueue, workspacesWithWaiting } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { Sql } from "postgres";
import type { Logger } from "./log";

/** Every waiting workspace is looked at this often, in case a notification was missed. */
const SWEEP_MS = 10_000;

/**
 * Hands waiting conversations to operators (core routing/drain.ts): at once when a workspace is
 * announced on NOTIFY switchboard_routing (a conversation started waiting, an operator freed a slot
 * or came online), and in a periodic sweep. Drains of one workspace never overlap in this process;
 * across processes the core's routing lock keeps them correct.
 */
export class RoutingWorker {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private stopped = false;

  constructor(private readonly deps: { db: Db; sql: Sql; env: CoreEnv; log: Logger }) {}

  async start() {
    const listener = await this.deps.sql.listen(CHANNELS.routing, (workspaceId) => this.drain(workspaceId));
    this.unlisten = () => listener.unlisten();
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_MS);
    await this.sweep();
  }

  async stop() {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    await this.unlisten?.().catch(() => {});
    await Promise.all(this.running.values());
  }

  private async sweep() {
    try {
      for (const id of await workspacesWithWaiting(this.deps.db)) this.drain(id);
    } catch (err) {
      this.deps.log("warn", "routing sweep failed", { error: String(err) });
    }
  }

  /** One drain per workspace at a time; a notice during a drain runs one more after it. */
  drain(workspaceId: string) {
    if (this.stopped) return;
    if (this.running.has(workspaceId)) {
      this.again.add(workspaceId);
      return;
    }
    const run = (async () => {
      try {
        const result = await drainQueue(this.deps.db, workspaceId, this.deps.env);
        for (const f of result.failed)
          this.deps.log("error", "assigning a conversation failed", {
            workspaceId,
            conversationId: f.conversationId,
            error: String(f.error),
          });
      } catch (err) {
        this.deps.log("error", "draining the operator queue failed", { workspaceId, error: String(err) });
      } finally {
        this.running.delete(workspaceId);
        if (this.again.delete(workspaceId)) this.drain(workspaceId);
      }
    })();
    this.running.set(workspaceId, run);
  }
}
