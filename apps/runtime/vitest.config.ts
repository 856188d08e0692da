import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "runtime",
    include: ["test/**/*.test.ts"],
    globalSetup: ["../../packages/db/src/vitest-global-setup.ts"],
    testTimeout: 60_000,
    env: { LOG_LEVEL: "error" },
    hookTimeout: 60_000,
  },
});
