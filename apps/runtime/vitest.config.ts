import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "runtime",
    include: ["test/**/*.test.ts"],
    globalSetup: ["../../packages/db/src/vitest-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
