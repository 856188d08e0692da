import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "telegram-sandbox",
    include: ["test/**/*.test.ts"],
    // Every test file starts its own sandbox on a random port, so files can run in parallel.
    testTimeout: 10_000,
  },
});
