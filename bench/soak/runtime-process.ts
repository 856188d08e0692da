import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const runtimeDir = fileURLToPath(new URL("../../apps/runtime", import.meta.url));

/**
 * One runtime as production runs it: its own Node process on the package's entry (src/main.ts), configured
 * only by environment. Spawned as `node --import tsx` rather than through pnpm/tsx's CLI so that a SIGKILL
 * hits the runtime itself, not a wrapper that would leave it running.
 */
export class RuntimeProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly onOutput: (line: string) => void,
  ) {}

  start(): void {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: runtimeDir,
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout, child.stderr])
      stream?.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n")) if (line.trim()) this.onOutput(line);
      });
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    this.child = child;
  }

  /** No goodbye: no lock released, no send finished, no lease handed back. */
  async kill(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exited;
    this.child = null;
  }

  /** Synchronous, for process exit: a crashed soak must not leave runtimes behind. */
  killNow(): void {
    this.child?.kill("SIGKILL");
  }

  /** A clean stop (SIGTERM: the runtime drains and exits). */
  async stop(): Promise<void> {
    this.child?.kill("SIGTERM");
    const forced = setTimeout(() => this.child?.kill("SIGKILL"), 15_000);
    await this.exited;
    clearTimeout(forced);
    this.child = null;
  }
}
