#!/usr/bin/env node
// The whole test suite, as CI runs it: lint + format check, typecheck, unit/integration tests
// (vitest, with an embedded Postgres), then the admin build and the Playwright end-to-end test.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensurePnpm, run } from "./lib/pnpm.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pnpm = ensurePnpm();
const has = (dir) => spawnSync("test", ["-d", `${root}/${dir}`]).status === 0;
if (!has("node_modules")) run(pnpm, ["install", "--frozen-lockfile"], root);

const steps = [
  ["lint", ["exec", "biome", "check", "."]],
  ["typecheck", ["exec", "turbo", "run", "typecheck", "--concurrency=2"]],
  ["unit and integration tests", ["exec", "vitest", "run"]],
  ["admin build", ["--filter", "@switchboard/admin", "build"]],
  ["end-to-end tests", ["exec", "playwright", "test", "-c", "e2e/playwright.config.ts"]],
];
for (const [name, args] of steps) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  run(pnpm, args, root);
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}
