#!/usr/bin/env node
// One command from a fresh clone: installs pnpm and the dependencies if needed, builds the admin,
// then starts everything (embedded Postgres, migrations, demo seed, Bot API sandbox, runtime, admin).
// Plain JavaScript on purpose: it runs before any dependency (tsx, TypeScript) is installed.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ensurePnpm, run } from "./lib/pnpm.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");

const pnpm = ensurePnpm();
if (!args.has("--no-install")) run(pnpm, ["install", "--frozen-lockfile"], root);
if (!dev && (!args.has("--no-install") || !existsSync(`${root}/apps/admin/.next/BUILD_ID`)))
  run(pnpm, ["--filter", "@switchboard/admin", "build"], root);

// The stack runs straight under node (no pnpm/tsx wrapper relaying signals), and this process waits
// for it: a terminal's Ctrl+C reaches the stack directly (a second one forces), SIGTERM and SIGHUP
// sent to this process are passed on.
const stack = spawn(process.execPath, ["--import", "tsx", "scripts/stack.ts", ...(dev ? ["--dev"] : [])], {
  cwd: root,
  stdio: "inherit",
});
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => stack.kill(signal));
stack.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
