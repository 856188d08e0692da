import { describe, expect, it } from "vitest";
import { startSandbox } from "../src/index";

describe("server options", () => {
  it("keeps idle connections open as long as keepAliveTimeoutMs says (Node's 5 s otherwise)", async () => {
    const long = await startSandbox({ keepAliveTimeoutMs: 120_000 });
    const plain = await startSandbox();
    try {
      const keepAlive = async (url: string) =>
        (await fetch(`${url}/sandbox/health`, { method: "POST" })).headers.get("keep-alive");
      expect(await keepAlive(long.url)).toBe("timeout=120");
      expect(await keepAlive(plain.url)).toBe("timeout=5");
    } finally {
      await Promise.all([long.close(), plain.close()]);
    }
  });
});
