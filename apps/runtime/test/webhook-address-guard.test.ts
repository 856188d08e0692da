import { describe, expect, it } from "vitest";
import { isPrivateAddress, privateAddressProblem } from "../src/webhooks/private-address";

describe("webhook SSRF guard", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["::1", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:127.0.0.1", true],
    ["2606:4700::1111", false],
  ])("%s is private: %s", (ip, blocked) => {
    expect(isPrivateAddress(ip)).toBe(blocked);
  });

  it("refuses localhost names and private literals, lets public literals through", async () => {
    expect(await privateAddressProblem(new URL("http://localhost:3000/x"))).toMatch(/local address/);
    expect(await privateAddressProblem(new URL("http://127.0.0.1:3000/x"))).toMatch(/127\.0\.0\.1/);
    expect(await privateAddressProblem(new URL("http://[::1]:3000/x"))).toMatch(/::1/);
    expect(await privateAddressProblem(new URL("https://8.8.8.8/x"))).toBeNull();
  });
});

describe("postWebhook and the guard", () => {
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
      expect(await postWebhook(delivery, { secret: "s", allowPrivate: false })).toMatchObject({
        kind: "error",
        final: true,
        error: expect.stringMatching(/^Refused: .*127\.0\.0\.1/),
      });
      expect(hits).toBe(0);
      expect(await postWebhook(delivery, { secret: "s", allowPrivate: true })).toMatchObject({
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
        { secret: "s", allowPrivate: true, timeoutMs: 200 },
      );
      expect(attempt).toEqual({ kind: "error", error: "No answer within 0.2 s." });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
