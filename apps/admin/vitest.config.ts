import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));

// Unit tests for the admin's pure logic (reducers, layout, mapping); components are covered end to end.
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: src }] },
  test: {
    name: "admin",
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
