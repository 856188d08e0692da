import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "flow",
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
  },
});
