import { defineConfig } from "vitest/config";

// One vitest run covers every package; each package with tests has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/runtime", "apps/admin", "scripts"],
    // Database tests start runtimes, a sandbox and a database each; two files at a time suits 2 cores.
    maxWorkers: 2,
  },
});
