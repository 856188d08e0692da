import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, makeNonce, STATIC_SECURITY_HEADERS } from "./security-headers";

const directive = (csp: string, name: string) =>
  csp
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("contentSecurityPolicy", () => {
  it("lets only nonced scripts run, and no site frame the admin", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false });
    expect(directive(csp, "script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(csp, "object-src")).toEqual(["'none'"]);
    expect(directive(csp, "default-src")).toEqual(["'self'"]);
    expect(csp).not.toContain("unsafe-eval");
  });

  it("allows what next dev needs only in dev", () => {
    const csp = contentSecurityPolicy({ nonce: "n", dev: true });
    expect(directive(csp, "script-src")).toContain("'unsafe-eval'");
    expect(directive(csp, "connect-src")).toContain("ws:");
  });

  it("makes a fresh nonce each time", () => {
    expect(makeNonce()).not.toBe(makeNonce());
    expect(makeNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("STATIC_SECURITY_HEADERS", () => {
  it("forbids framing and sniffing and keeps tokens in paths from other sites", () => {
    const byName = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byName).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
    });
  });
});
