import { StepCountBuffer } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import type { Logger } from "./log";

/** How often the summed step counts are written (what a crash may lose of the canvas analytics). */
export const STEP_COUNT_FLUSH_MS = 1_000;

/**
 * The runtime's step counts (canvas analytics): every committed update adds its tally to one buffer
 * (core StepCountBuffer), written in one statement a second and when the runtime stops.
 */
export class StepCountFlusher {
  readonly buffer = new StepCountBuffer();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly everyMs = STEP_COUNT_FLUSH_MS,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.everyMs);
  }

  /** Writes what is waiting (one write at a time); a failure keeps the counts for the next one. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() =>
      this.buffer
        .flush(this.db)
        .catch((err) =>
          this.log("warn", "writing step counts failed; kept for the next try", { error: String(err) }),
        ),
    );
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
