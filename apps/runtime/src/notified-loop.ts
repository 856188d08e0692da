import type { Sql } from "postgres";
import type { Logger } from "./log";
import { sleep } from "./sleep";

export interface NotifiedLoopOptions {
  sql: Sql;
  /** A round starts at once when this channel is notified (core CHANNELS). */
  channel: string;
  /** And at least this often, in case a notice was missed or work fell due with no notice. */
  pollMs: number;
  log: Logger;
  /** What a failed round is called in the log ("timer round failed"). */
  name: string;
}

/**
 * The shape of the runtime's queue workers (timers, users' file downloads, HTTP request calls, webhook
 * deliveries): rounds one after another, each waiting for a NOTIFY or the poll interval unless the last
 * one was full; a failed round is logged and the loop goes on. A worker extends it with its `round`;
 * `stop` aborts `signal` (given to rounds) and waits for the current round.
 */
export abstract class NotifiedLoop {
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private running: Promise<void> = Promise.resolve();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly loopOptions: NotifiedLoopOptions) {}

  /** One round of work; answers whether it filled its batch (then the next round starts at once). */
  protected abstract round(signal: AbortSignal): Promise<{ full: boolean }>;

  /** Aborted when the worker stops: long calls of a round pass it on. */
  protected get signal(): AbortSignal {
    return this.abort.signal;
  }

  async start() {
    const listener = await this.loopOptions.sql.listen(this.loopOptions.channel, () => this.wake?.());
    this.unlisten = () => listener.unlisten();
    this.running = this.runRounds();
  }

  async stop() {
    this.abort.abort();
    this.wake?.();
    await this.unlisten?.().catch(() => {});
    await this.running;
  }

  private async runRounds() {
    const { signal } = this.abort;
    while (!signal.aborted) {
      let full = false;
      try {
        ({ full } = await this.round(signal));
      } catch (err) {
        this.loopOptions.log("error", `${this.loopOptions.name} failed`, { error: String(err) });
      }
      if (full) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void sleep(this.loopOptions.pollMs, signal).then(resolve);
      });
      this.wake = null;
    }
  }
}
