import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "../../server/client-address.mjs";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, 127.0.0.1 ::1");

describe("clientAddress", () => {
  it("without trusted proxies, is the socket's address whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", undefined, none)).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a socket that is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", proxies)).toBe("203.0.113.7");
  });

  it("behind a trusted proxy, is the rightmost address that is not a proxy (a forged left part changes nothing)", () => {
    expect(clientAddress("10.1.2.3", "198.51.100.9", proxies)).toBe("198.51.100.9");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.9", proxies)).toBe("198.51.100.9");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.9, 10.9.9.9", proxies)).toBe("198.51.100.9");
    expect(clientAddress("::1", "2001:db8::5", proxies)).toBe("2001:db8::5");
  });

  it("counts a request as the proxy's when its header is no address list", () => {
    expect(clientAddress("10.1.2.3", "not-an-ip", proxies)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", undefined, proxies)).toBe("10.1.2.3");
  });
});

describe("parseTrustedProxies", () => {
  it("names the entries that are no address or range", () => {
    expect(parseTrustedProxies("10.0.0.0/8, 10.0.0.0/33, proxy.local, ::1/129").invalid).toEqual([
      "10.0.0.0/33",
      "proxy.local",
      "::1/129",
    ]);
    expect(proxies.count).toBe(3);
  });
});
