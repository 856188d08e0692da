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
  /** One round of work; answers whether it filled its batch (then the next round starts at once). */
  round: (signal: AbortSignal) => Promise<{ full: boolean }>;
}

/**
 * The shape of the runtime's queue workers (timers, users' file downloads): rounds one after another,
 * each waiting for a NOTIFY or the poll interval unless the last one was full; a failed round is logged
 * and the loop goes on. `stop` aborts the signal given to rounds and waits for the current one.
 */
export class NotifiedLoop {
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private loop: Promise<void> = Promise.resolve();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly options: NotifiedLoopOptions) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  async start() {
    const listener = await this.options.sql.listen(this.options.channel, () => this.wake?.());
    this.unlisten = () => listener.unlisten();
    this.loop = this.run();
  }

  async stop() {
    this.abort.abort();
    this.wake?.();
    await this.unlisten?.().catch(() => {});
    await this.loop;
  }

  private async run() {
    const { signal } = this.abort;
    while (!signal.aborted) {
      let full = false;
      try {
        ({ full } = await this.options.round(signal));
      } catch (err) {
        this.options.log("error", `${this.options.name} failed`, { error: String(err) });
      }
      if (full) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void sleep(this.options.pollMs, signal).then(resolve);
      });
      this.wake = null;
    }
  }
}
