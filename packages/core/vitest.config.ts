import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "core",
    include: ["test/**/*.test.ts"],
    // One embedded PostgreSQL for the run; each database test file makes its own database on it.
    globalSetup: ["../../packages/db/src/vitest-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
