/**
 * Keeps the stack's processes together (scripts/stack.ts): any child dying brings everything down,
 * SIGINT/SIGTERM/SIGHUP stop everything cleanly, and a second signal forces. "Down" means every other
 * child stopped (SIGTERM, then SIGKILL after a grace period), then the in-process cleanup steps
 * (sandbox, embedded Postgres) run in reverse order, each with a time limit, then the process exits.
 *
 * Each child runs in its own process group (detached), so whatever it spawns (Next.js workers) is
 * signalled with it, and a terminal's Ctrl+C reaches the children only through this supervisor,
 * in order.
 */
import { type ChildProcess, spawn } from "node:child_process";

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  /** Status lines ("runtime exited (code 1); stopping everything."). */
  say: (line: string) => void;
  /** How long children get after SIGTERM before SIGKILL (default 10 s). */
  graceMs?: number;
  /** How long one cleanup step may take before it is abandoned (default 15 s). */
  stepTimeoutMs?: number;
  /** Ends the process (process.exit; tests replace it). */
  exit?: (code: number) => void;
  /** Where children's output goes, each line prefixed with the child's name. */
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

interface Running {
  spec: ChildSpec;
  child: ChildProcess;
  exited: Promise<void>;
  done: boolean;
}

export class StackSupervisor {
  private readonly children: Running[] = [];
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private readonly starting = new Set<Promise<unknown>>();
  private stopping: Promise<void> | null = null;
  private readonly graceMs: number;
  private readonly stepTimeoutMs: number;
  private readonly exit: (code: number) => void;

  constructor(private readonly options: SupervisorOptions) {
    this.graceMs = options.graceMs ?? 10_000;
    this.stepTimeoutMs = options.stepTimeoutMs ?? 15_000;
    this.exit = options.exit ?? ((code) => process.exit(code));
  }

  /** True once a shutdown began (a child died, a signal came, or shutdown() was called). */
  get shuttingDown(): boolean {
    return this.stopping !== null;
  }

  /** Process ids of the children still running. */
  livePids(): number[] {
    return this.children.filter((c) => !c.done && c.child.pid !== undefined).map((c) => c.child.pid!);
  }

  /** Starts a child that must run until the stack stops: its exit stops everything. */
  start(spec: ChildSpec): ChildProcess {
    // A Ctrl+C during the stack's start may come before this: nothing new starts once stopping.
    if (this.stopping) throw new Error(`not starting ${spec.name}: the stack is stopping`);
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const running: Running = { spec, child, done: false, exited: Promise.resolve() };
    running.exited = new Promise<void>((resolve) => {
      // "exit" does not fire for a child that never started (ENOENT): "error" does, then maybe "close".
      const finish = (why: string) => {
        if (running.done) return;
        running.done = true;
        resolve();
        if (!this.stopping) {
          this.options.say(`${spec.name} ${why}; stopping everything.`);
          void this.shutdown(1);
        }
      };
      child.once("exit", (code, signal) =>
        finish(signal ? `was killed (${signal})` : `exited (code ${code ?? "?"})`),
      );
      child.once("error", (err) => finish(`could not run (${err.message})`));
    });
    this.pipe(spec.name, child.stdout, this.options.stdout ?? process.stdout);
    this.pipe(spec.name, child.stderr, this.options.stderr ?? process.stderr);
    this.children.push(running);
    return child;
  }

  /**
   * Something being started in this process (embedded Postgres, the sandbox): a shutdown waits for
   * it, so a Ctrl+C during its start does not leave it running behind a cleanup that already ran.
   */
  track<T>(starting: Promise<T>): Promise<T> {
    this.starting.add(starting);
    void starting.finally(() => this.starting.delete(starting)).catch(() => {});
    return starting;
  }

  /** A cleanup step run after the children have stopped; steps run in reverse order of registration. */
  onStop(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  /** SIGINT, SIGTERM and SIGHUP stop everything (exit 0); a second one forces (SIGKILL, exit 1). */
  trapSignals(): void {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
      process.on(signal, () => {
        if (this.stopping) return this.force(signal);
        this.options.say(`${signal}: stopping everything (again to force)…`);
        void this.shutdown(0);
      });
  }

  /** Stops everything and exits with `code`; idempotent. */
  shutdown(code: number): Promise<void> {
    this.stopping ??= this.stopAll().then(
      () => this.exit(code),
      (err) => {
        this.options.say(`stopping failed: ${String(err)}`);
        this.exit(code || 1);
      },
    );
    return this.stopping;
  }

  /** Kills what is left right away and exits 1, without waiting for the cleanup steps. */
  private force(signal: string): void {
    this.options.say(`${signal} again: killing what is left.`);
    for (const c of this.children) if (!c.done) this.signalGroup(c, "SIGKILL");
    this.exit(1);
  }

  private async stopAll(): Promise<void> {
    await Promise.all(
      this.children.map(async (c) => {
        // A child that died may have left processes in its group: they go without ceremony.
        if (c.done) return this.signalGroup(c, "SIGKILL");
        this.signalGroup(c, "SIGTERM");
        const killer = setTimeout(() => {
          this.options.say(`${c.spec.name} did not stop within ${this.graceMs / 1000}s; killing it.`);
          this.signalGroup(c, "SIGKILL");
        }, this.graceMs);
        await c.exited;
        clearTimeout(killer);
        // The child is gone; anything it left in its group goes too.
        this.signalGroup(c, "SIGKILL");
      }),
    );
    await this.withinTime(
      "starting",
      Promise.allSettled([...this.starting]).then(() => {}),
    );
    for (const step of [...this.steps].reverse())
      await this.withinTime(step.name, step.run()).catch((err) =>
        this.options.say(`stopping ${step.name} failed: ${err instanceof Error ? err.message : String(err)}`),
      );
  }

  private async withinTime(name: string, work: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.options.say(`${name} did not stop within ${this.stepTimeoutMs / 1000}s; going on.`);
        resolve();
      }, this.stepTimeoutMs);
    });
    await Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  /** Signals the child's whole process group (it was started detached, so it leads one). */
  private signalGroup(c: Running, signal: NodeJS.Signals): void {
    const pid = c.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }

  private pipe(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WritableStream): void {
    if (!stream) return;
    const prefix = `\x1b[35m[${name}]\x1b[0m `;
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) out.write(`${prefix}${line}\n`);
    });
    stream.on("end", () => {
      if (buffered) out.write(`${prefix}${buffered}\n`);
    });
  }
}
