/**
 * Keeps the stack's processes together (scripts/stack.ts): any child dying brings everything down,
 * SIGINT/SIGTERM/SIGHUP stop everything cleanly, and a second signal forces. "Down" means every other
 * child stopped (SIGTERM, then SIGKILL after a grace period), then the in-process cleanup steps
 * (sandbox, embedded Postgres) run in reverse order, each with a time limit, then the process exits.
 *
 * A signal goes to the child and to the processes it started (found with `ps` at that moment), so
 * whatever it spawned (Next.js workers) goes with it. Children stay in the supervisor's process
 * group on purpose: a test runner or terminal that kills the whole group still reaches them.
 * Repeated signals within a moment count as one (wrappers such as tsx and pnpm relay the terminal's
 * Ctrl+C that the supervisor also gets directly).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";

/** A second signal sooner than this after the first is the same one, relayed by a wrapper. */
const SAME_SIGNAL_MS = 1000;

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
  /** Rewrites each output line before it is printed (pretty logs in a terminal). */
  formatLine?: (line: string) => string;
}

interface Running {
  spec: ChildSpec;
  child: ChildProcess;
  exited: Promise<void>;
  done: boolean;
  /** The child and its descendants when it was last signalled. */
  tree: number[];
}

/** Every process below `pid` (children, grandchildren…), from `ps`; empty when ps is unavailable. */
function descendantsOf(pid: number): number[] {
  let table: string;
  try {
    table = execFileSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" });
  } catch {
    return [];
  }
  const childrenOf = new Map<number, number[]>();
  for (const line of table.split("\n")) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    if (!p || pp === undefined || Number.isNaN(pp)) continue;
    childrenOf.set(pp, [...(childrenOf.get(pp) ?? []), p]);
  }
  const found: number[] = [];
  const queue = [...(childrenOf.get(pid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    found.push(next);
    queue.push(...(childrenOf.get(next) ?? []));
  }
  return found;
}

export class StackSupervisor {
  private readonly children: Running[] = [];
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private readonly starting = new Set<Promise<unknown>>();
  private stopping: Promise<void> | null = null;
  private firstSignalAt = 0;
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
    });
    const running: Running = { spec, child, done: false, exited: Promise.resolve(), tree: [] };
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
        if (this.stopping && Date.now() - this.firstSignalAt < SAME_SIGNAL_MS) return;
        if (this.stopping) return this.force(signal);
        this.firstSignalAt = Date.now();
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
    for (const c of this.children) if (!c.done) this.signalTree(c, "SIGKILL");
    this.exit(1);
  }

  private async stopAll(): Promise<void> {
    await Promise.all(
      this.children.map(async (c) => {
        if (c.done) return;
        this.signalTree(c, "SIGTERM");
        const killer = setTimeout(() => {
          this.options.say(`${c.spec.name} did not stop within ${this.graceMs / 1000}s; killing it.`);
          this.signalTree(c, "SIGKILL");
        }, this.graceMs);
        await c.exited;
        clearTimeout(killer);
        // The child is gone; anything it started and left behind goes too.
        for (const pid of c.tree.slice(1)) kill(pid, "SIGKILL");
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

  /** Signals the child and every process below it (remembered for the clean-up after its exit). */
  private signalTree(c: Running, signal: NodeJS.Signals): void {
    const pid = c.child.pid;
    if (pid === undefined) return;
    c.tree = [pid, ...descendantsOf(pid)];
    for (const p of c.tree) kill(p, signal);
  }

  private pipe(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WritableStream): void {
    if (!stream) return;
    const prefix = `\x1b[35m[${name}]\x1b[0m `;
    const format = this.options.formatLine ?? ((line: string) => line);
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) out.write(`${prefix}${format(line)}\n`);
    });
    stream.on("end", () => {
      if (buffered) out.write(`${prefix}${format(buffered)}\n`);
    });
  }
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
