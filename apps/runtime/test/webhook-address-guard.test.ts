import { describe, expect, it } from "vitest";
import { anyAddress, publicOnly } from "../src/http/address-policy";

describe("postWebhook and the outbound address policy", () => {
  it("refuses a loopback receiver for good unless private addresses are allowed; a redirect is not followed", async () => {
    const { createServer } = await import("node:http");
    const { postWebhook } = await import("../src/webhooks/post");
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const delivery = { id: "d1", url: `http://127.0.0.1:${port}/hook`, payload: { id: "d1" } };
    try {
      expect(await postWebhook(delivery, { secret: "s", policy: publicOnly })).toMatchObject({
        kind: "error",
        final: true,
        error: expect.stringMatching(/^Refused: .*127\.0\.0\.1/),
      });
      expect(hits).toBe(0);
      expect(await postWebhook(delivery, { secret: "s", policy: anyAddress })).toMatchObject({
        kind: "response",
        statusCode: 302,
      });
      expect(hits).toBe(1);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("a receiver that does not answer in time is an error to retry", async () => {
    const { createServer } = await import("node:http");
    const { postWebhook } = await import("../src/webhooks/post");
    const server = createServer(() => {}); // never answers
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    try {
      const attempt = await postWebhook(
        { id: "d2", url: `http://127.0.0.1:${port}/`, payload: {} },
        { secret: "s", policy: anyAddress, timeoutMs: 200 },
      );
      expect(attempt).toEqual({ kind: "error", error: "No answer within 0.2 s." });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
