#!/usr/bin/env node
// The whole test suite, as CI runs it: lint + format check, typecheck, unit/integration tests
// (vitest, with an embedded Postgres), then the admin build and the Playwright end-to-end test.
// Ends with one summary line, "N passed, N failed", counted from both runners' JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ensurePnpm, run } from "./lib/pnpm.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// Not under test-results/: Playwright empties that folder when it starts.
const reports = `${root}/test-reports`;
const pnpm = ensurePnpm();
if (!existsSync(`${root}/node_modules`)) run(pnpm, ["install", "--frozen-lockfile"], root);
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ["lint", ["exec", "biome", "check", "."]],
  ["typecheck", ["exec", "turbo", "run", "typecheck", "--concurrency=2"]],
  [
    "unit and integration tests",
    [
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reports}/vitest.json`,
    ],
  ],
  ["admin build", ["--filter", "@switchboard/admin", "build"]],
  ["end-to-end tests", ["exec", "playwright", "test", "-c", "e2e/playwright.config.ts"]],
];

function summary() {
  let passed = 0;
  let failed = 0;
  const vitest = `${reports}/vitest.json`;
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  const e2e = `${reports}/playwright.json`;
  if (existsSync(e2e)) {
    const s = JSON.parse(readFileSync(e2e, "utf8")).stats;
    passed += s.expected;
    failed += s.unexpected + s.flaky;
  }
  return { passed, failed };
}

const started = Date.now();
for (const [name, args] of steps) {
  const t = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync(pnpm, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: `${reports}/playwright.json` },
  });
  // A runner's exit code alone is not trusted: vitest once exited 0 with a failed test in its report.
  if (r.status !== 0 || summary().failed > 0) {
    const { passed, failed } = summary();
    console.error(`\n✗ ${name} failed (exit ${r.status ?? r.signal}).`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
}
const { passed, failed } = summary();
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
