import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "../../server/client-address.mjs";
import { authSecurityOptions, type SignInBackoff } from "./auth-security";

const BASE = "http://admin.test";

/** The backoff as packages/core keeps it, in memory: the same rule (5 free failures, then a lock). */
function memoryBackoff(lockMs = 60_000): SignInBackoff & { failures: Map<string, number> } {
  const failures = new Map<string, number>();
  const locks = new Map<string, Date>();
  const key = (e: string) => e.trim().toLowerCase();
  return {
    failures,
    async lockedUntil(email) {
      const until = locks.get(key(email));
      return until && until > new Date() ? until : null;
    },
    async recordFailure(email) {
      const n = (failures.get(key(email)) ?? 0) + 1;
      failures.set(key(email), n);
      if (n < 5) return null;
      const until = new Date(Date.now() + lockMs);
      locks.set(key(email), until);
      return until;
    },
    async clear(email) {
      failures.delete(key(email));
      locks.delete(key(email));
    },
  };
}

function makeAuth(backoff: SignInBackoff, rateLimitEnabled = false) {
  const security = authSecurityOptions({ backoff, clientIpHeader: CLIENT_IP_HEADER, rateLimitEnabled });
  return betterAuth({
    ...security,
    baseURL: BASE,
    secret: "auth-security-test-secret-0123456789abcdef",
    database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
    emailAndPassword: { enabled: true, autoSignIn: true, ...security.emailAndPassword },
  });
}

type Auth = ReturnType<typeof makeAuth>;

function post(auth: Auth, path: string, body: unknown, headers: Record<string, string> = {}) {
  return auth.handler(
    new Request(`${BASE}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const PASSWORD = "correct horse battery";

async function signUp(auth: Auth, email: string) {
  const res = await post(auth, "/sign-up/email", { email, password: PASSWORD, name: "Vic Tim" });
  expect(res.status).toBe(200);
}

describe("the sign-in IP rate limit", () => {
  it("counts the address our server resolved, not a forged X-Forwarded-For", async () => {
    const auth = makeAuth(memoryBackoff(), true);
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await post(
        auth,
        "/sign-in/email",
        { email: `nobody${i}@example.test`, password: "wrong-password-123" },
        { "x-forwarded-for": `198.51.100.${i}`, [CLIENT_IP_HEADER]: "203.0.113.7" },
      );
      statuses.push(res.status);
    }
    // better-auth allows 3 sign-ins per 10 s per address: the rest are refused, forged header or not.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
  });
});

// Each sign-in hashes a password (scrypt, deliberately slow): seven of them outlast vitest's 5 s on a busy machine.
describe("the per-account sign-in backoff", { timeout: 30_000 }, () => {
  it("locks the account after repeated failures from any address, the right password included, until it ends", async () => {
    const backoff = memoryBackoff();
    const auth = makeAuth(backoff);
    await signUp(auth, "vic@example.test");
    for (let i = 0; i < 5; i++) {
      const res = await post(
        auth,
        "/sign-in/email",
        { email: "vic@example.test", password: `guess-number-${i}` },
        { [CLIENT_IP_HEADER]: `198.51.100.${i}` },
      );
      expect(res.status).toBe(401);
    }
    const locked = await post(auth, "/sign-in/email", { email: "VIC@example.test", password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toMatch(
      /^Too many failed sign-ins for this account\. Try again in \d+ minutes?\.$/,
    );
  });

  it("a success resets the count", async () => {
    const backoff = memoryBackoff();
    const auth = makeAuth(backoff);
    await signUp(auth, "reset@example.test");
    await post(auth, "/sign-in/email", { email: "reset@example.test", password: "wrong-password-1" });
    expect(backoff.failures.get("reset@example.test")).toBe(1);
    const ok = await post(auth, "/sign-in/email", { email: "reset@example.test", password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(backoff.failures.has("reset@example.test")).toBe(false);
  });
});

describe("sign-up rules", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ["a common password", { password: "12345678" }, /one of the first an attacker tries/],
    ["a run of digits", { password: "23456789" }, /one of the first an attacker tries/],
    ["the email itself", { password: "jane.doe@example.test" }, /email address/],
    ["the email's local part", { password: "jane.doe2024" }, /email address/],
    ["the name", { password: "Jane Doe Jane Doe", name: "Jane Doe Jane Doe" }, /your name/],
    ["a name over 100 characters", { name: "n".repeat(101) }, /at most 100 characters for your name/],
  ];
  it.each(cases)("refuses %s with a sentence", async (_, override, message) => {
    const auth = makeAuth(memoryBackoff());
    const body = { email: "jane.doe@example.test", password: PASSWORD, name: "Jane", ...override };
    const res = await post(auth, "/sign-up/email", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
  });

  it("accepts a decent password and name", async () => {
    const auth = makeAuth(memoryBackoff());
    await signUp(auth, "fine@example.test");
  });
});
