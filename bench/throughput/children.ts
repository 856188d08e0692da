/**
 * The processes under test, each a child of the bench process started with `node --import tsx <entry>`
 * (not the `tsx` CLI, which would put a second process in between and hide the one doing the work from
 * the CPU figures). Output goes to a log file each, shown when a child dies.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export interface Child {
  name: string;
  pid: number;
  logFile: string;
  /** Rejects if the process exits before stop() is called (with the end of its log). */
  readonly died: Promise<never>;
  stop(): Promise<void>;
}

/** A path inside the repository, e.g. "apps/runtime". */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export function startChild(options: {
  name: string;
  /** Directory of the package whose script runs (tsx resolves from there). */
  cwd: string;
  entry: string;
  env: Record<string, string>;
  logFile: string;
}): Child {
  const log = openSync(options.logFile, "a");
  // THROUGHPUT_PROFILE=<dir>: every child writes a V8 CPU profile there (to see where a system spends).
  const profile = process.env.THROUGHPUT_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.THROUGHPUT_PROFILE}`]
    : [];
  const process_: ChildProcess = spawn(process.execPath, [...profile, "--import", "tsx", options.entry], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  if (process_.pid === undefined) throw new Error(`${options.name} did not start (spawn failed).`);
  const exited = new Promise<number | null>((resolve) => process_.once("exit", (code) => resolve(code)));
  const died = exited.then((code): never => {
    throw new Error(
      `${options.name} exited (code ${code}) while the benchmark needed it. Last lines of ${options.logFile}:\n${tail(options.logFile)}`,
    );
  });
  // Raced against the load while the child is needed; after stop() nobody awaits it, and that is fine.
  died.catch(() => {});
  return {
    name: options.name,
    pid: process_.pid,
    logFile: options.logFile,
    died,
    async stop() {
      if (process_.exitCode !== null || process_.signalCode !== null) return;
      process_.kill("SIGTERM");
      const killLater = setTimeout(() => process_.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killLater);
    },
  };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
