import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anyAddress, publicOnly } from "../src/http/address-policy";
import { performHttpRequest, type Resolver } from "../src/http/fetcher";

/*
 * The fetcher on its own, against two local servers. A test resolver names them ("api.test" and
 * "other.test" → 127.0.0.1); the policy decides by port which one counts as public.
 */

let a: Server;
let b: Server;
let aPort: number;
let bPort: number;
const seenA: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[] = [];
const seenB: { method: string; url: string; headers: IncomingMessage["headers"] }[] = [];

const resolver: Resolver = async (host) => {
  if (host === "api.test" || host === "other.test") return [{ address: "127.0.0.1", family: 4 }];
  if (host === "mixed.test")
    return [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
  throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
};

beforeAll(async () => {
  a = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seenA.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === "/see-other") {
        res.writeHead(303, { location: "/landing" });
        return res.end();
      }
      if (req.url === "/elsewhere") {
        res.writeHead(307, { location: `http://other.test:${bPort}/x` });
        return res.end();
      }
      if (req.url === "/loop") {
        res.writeHead(302, { location: "/loop" });
        return res.end();
      }
      if (req.url === "/text") {
        res.writeHead(200, { "content-type": "text/plain" });
        return res.end("hello");
      }
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ path: req.url }));
    });
  });
  b = createServer((req, res) => {
    seenB.push({ method: req.method!, url: req.url!, headers: req.headers });
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"from":"b"}');
  });
  await new Promise<void>((r) => a.listen(0, "127.0.0.1", r));
  await new Promise<void>((r) => b.listen(0, "127.0.0.1", r));
  aPort = (a.address() as AddressInfo).port;
  bPort = (b.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => a.close(r));
  await new Promise((r) => b.close(r));
});

const request = (url: string, over: Partial<Parameters<typeof performHttpRequest>[0]> = {}) => ({
  method: "GET",
  url,
  headers: [],
  body: null,
  timeoutMs: 5000,
  ...over,
});

describe("performHttpRequest", () => {
  it("connects to the checked address of a name (resolved once, pinned), parses JSON", async () => {
    // "api.test" has no DNS entry: the connection can only have used the address the check saw.
    let lookups = 0;
    const r = await performHttpRequest(request(`http://api.test:${aPort}/hello`), {
      policy: anyAddress,
      resolve: (host) => {
        lookups++;
        return resolver(host);
      },
    });
    expect(lookups).toBe(1);
    expect(r).toEqual({ status: 200, error: null, json: { path: "/hello" } });
    expect(seenA.at(-1)!.headers.host).toBe(`api.test:${aPort}`);
  });

  it("refuses a name when any of its addresses is private", async () => {
    const r = await performHttpRequest(request("http://mixed.test/"), {
      policy: publicOnly,
      resolve: resolver,
    });
    expect(r).toEqual({
      status: null,
      error: "refused: mixed.test is a private or local address (10.0.0.7)",
    });
  });

  it("refuses IPv4-mapped loopback written as an IPv6 literal", async () => {
    const r = await performHttpRequest(request(`http://[::ffff:127.0.0.1]:${aPort}/`), {
      policy: publicOnly,
    });
    expect(r.error).toMatch(/^refused: ::ffff:7f00:1 is a private or local address/);
  });

  it("refuses other schemes", async () => {
    const r = await performHttpRequest(request("ftp://api.test/x"), {
      policy: anyAddress,
      resolve: resolver,
    });
    expect(r.error).toMatch(/only http and https/);
  });

  it("a 303 after a POST continues as GET without the body", async () => {
    const r = await performHttpRequest(
      request(`http://api.test:${aPort}/see-other`, { method: "POST", body: '{"a":1}' }),
      {
        policy: anyAddress,
        resolve: resolver,
      },
    );
    expect(r.json).toEqual({ path: "/landing" });
    expect(seenA.at(-1)).toMatchObject({ method: "GET", url: "/landing", body: "" });
  });

  it("leaving the origin drops secret, Authorization and Cookie headers, keeps the rest", async () => {
    const r = await performHttpRequest(
      request(`http://api.test:${aPort}/elsewhere`, {
        headers: [
          { name: "X-Key", value: "secret-value", sensitive: true },
          { name: "Authorization", value: "Bearer t", sensitive: false },
          { name: "X-Plain", value: "kept", sensitive: false },
        ],
      }),
      { policy: anyAddress, resolve: resolver },
    );
    expect(r.json).toEqual({ from: "b" });
    expect(seenA.find((s) => s.url === "/elsewhere")!.headers["x-key"]).toBe("secret-value");
    const hop = seenB.at(-1)!.headers;
    expect(hop["x-key"]).toBeUndefined();
    expect(hop.authorization).toBeUndefined();
    expect(hop["x-plain"]).toBe("kept");
  });

  it("a redirect to an address the policy refuses is refused, and never reached", async () => {
    const before = seenB.length;
    const r = await performHttpRequest(request(`http://api.test:${aPort}/elsewhere`), {
      policy: (_address, port) => port === aPort,
      resolve: resolver,
    });
    expect(r).toEqual({
      status: null,
      error: "refused: other.test is a private or local address (127.0.0.1)",
    });
    expect(seenB.length).toBe(before);
  });

  it("stops after 5 redirects", async () => {
    const r = await performHttpRequest(request(`http://api.test:${aPort}/loop`), {
      policy: anyAddress,
      resolve: resolver,
    });
    expect(r).toEqual({ status: 302, error: "too many redirects" });
  });

  it("keeps only the status of an answer that isn't JSON; caps the size", async () => {
    expect(
      await performHttpRequest(request(`http://api.test:${aPort}/text`), {
        policy: anyAddress,
        resolve: resolver,
      }),
    ).toEqual({ status: 200, error: null });
    expect(
      await performHttpRequest(request(`http://api.test:${aPort}/hello`), {
        policy: anyAddress,
        resolve: resolver,
        maxBytes: 5,
      }),
    ).toEqual({ status: 200, error: "response too large" });
  });

  it("an unknown host is a short error", async () => {
    const r = await performHttpRequest(request("http://nowhere.test/"), {
      policy: anyAddress,
      resolve: resolver,
    });
    expect(r).toEqual({ status: null, error: "request failed: ENOTFOUND" });
  });
});
