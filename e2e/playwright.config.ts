import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { E2E, E2E_PORTS } from "./stack";

const root = fileURLToPath(new URL("..", import.meta.url));

// One fresh stack per run, on its own ports and data folder, so a developer's running stack is untouched.
// Set once in the main process; workers inherit it.
if (!process.env.E2E_DATA_DIR) {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-e2e-"));
  chmodSync(dir, 0o755); // the embedded Postgres runs as `postgres` when we are root
  process.env.E2E_DATA_DIR = dir;
}

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // npm test asks for a JSON report too (PLAYWRIGHT_JSON_OUTPUT_FILE) to count results.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [["list"], ["json"]] : [["list"]],
  outputDir: path.join(root, "test-results"),
  use: {
    baseURL: E2E.adminUrl,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "pnpm exec tsx scripts/stack.ts",
    cwd: root,
    url: E2E.readyUrl,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_VERBOSE ? "pipe" : "ignore",
    stderr: "pipe",
    env: {
      // Never a developer's database or real Telegram: the stack under test is its own.
      DATABASE_URL: "",
      TELEGRAM_API_ROOT: "",
      SWITCHBOARD_DATA_DIR: process.env.E2E_DATA_DIR,
      ADMIN_PORT: String(E2E_PORTS.admin),
      RUNTIME_PORT: String(E2E_PORTS.runtime),
      SANDBOX_PORT: String(E2E_PORTS.sandbox),
      PG_PORT: String(E2E_PORTS.postgres),
      STACK_READY_PORT: String(E2E_PORTS.ready),
      ADMIN_URL: E2E.adminUrl,
      RUNTIME_RELOAD_MS: "1000",
      // The HTTP request spec calls an API the test itself serves on 127.0.0.1: allow loopback here only.
      SWITCHBOARD_HTTP_ALLOW_PRIVATE: "1",
    },
  },
});
