import type { BetterAuthOptions } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, nameProblem, passwordProblem } from "@/lib/account-rules";

/**
 * The auth server's security settings, apart from its storage so a test can run them on better-auth's
 * memory adapter: which client address the IP rate limit counts, the per-account sign-in backoff,
 * and the password and name rules (src/lib/account-rules.ts) on every path that sets one.
 */

/** Where the per-account backoff keeps its counts (packages/core's sign-in-backoff in production). */
export interface SignInBackoff {
  lockedUntil(email: string): Promise<Date | null>;
  recordFailure(email: string): Promise<Date | null>;
  clear(email: string): Promise<void>;
}

export interface AuthSecurityOptions {
  backoff: SignInBackoff;
  /**
   * The request header that holds the client's address as the admin's own server resolved it (from
   * the socket, or from X-Forwarded-For only when the socket is a trusted proxy: server.mjs), or null
   * when the admin runs without that server and no header can be trusted.
   */
  clientIpHeader: string | null;
  /** better-auth turns its rate limit on in production only; tests turn it on explicitly. */
  rateLimitEnabled?: boolean;
}

const minutes = (until: Date) => Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));

export const lockedMessage = (until: Date) => {
  const n = minutes(until);
  return `Too many failed sign-ins for this account. Try again in ${n} minute${n === 1 ? "" : "s"}.`;
};

const bodyOf = (ctx: { body?: unknown }) => (ctx.body ?? {}) as Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : "");

function refuse(code: string, message: string): never {
  throw new APIError("BAD_REQUEST", { code, message });
}

export function authSecurityOptions(opts: AuthSecurityOptions): Pick<
  BetterAuthOptions,
  "hooks" | "rateLimit" | "advanced"
> & {
  emailAndPassword: { minPasswordLength: number; maxPasswordLength: number };
} {
  const { backoff } = opts;
  return {
    emailAndPassword: { minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH },
    rateLimit: opts.rateLimitEnabled === undefined ? {} : { enabled: opts.rateLimitEnabled },
    advanced: {
      // better-auth reads X-Forwarded-For by default, which any client can write: one forged address
      // per guess and the IP limit never triggers. Only our server's header counts; without it, none
      // does (better-auth then counts every sign-in in one shared bucket, and the per-account backoff
      // still holds).
      ipAddress: { ipAddressHeaders: opts.clientIpHeader ? [opts.clientIpHeader] : [] },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = bodyOf(ctx);
        switch (ctx.path) {
          case "/sign-in/email": {
            const until = await backoff.lockedUntil(text(body.email));
            if (until)
              throw new APIError("TOO_MANY_REQUESTS", {
                code: "ACCOUNT_LOCKED",
                message: lockedMessage(until),
              });
            return;
          }
          case "/sign-up/email": {
            const nameIssue = nameProblem(text(body.name));
            if (nameIssue) refuse("INVALID_NAME", nameIssue);
            const passwordIssue = passwordProblem(text(body.password), {
              email: text(body.email),
              name: text(body.name),
            });
            if (passwordIssue) refuse("WEAK_PASSWORD", passwordIssue);
            return;
          }
          case "/update-user": {
            if (body.name === undefined) return;
            const nameIssue = nameProblem(text(body.name));
            if (nameIssue) refuse("INVALID_NAME", nameIssue);
            return;
          }
          case "/change-password": {
            const session = await getSessionFromCtx(ctx);
            const passwordIssue = passwordProblem(text(body.newPassword), {
              email: session?.user.email ?? null,
              name: session?.user.name ?? null,
            });
            if (passwordIssue) refuse("WEAK_PASSWORD", passwordIssue);
            return;
          }
          case "/reset-password": {
            const passwordIssue = passwordProblem(text(body.newPassword));
            if (passwordIssue) refuse("WEAK_PASSWORD", passwordIssue);
            return;
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = text(bodyOf(ctx).email);
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          // Wrong email or password only: a refused lock or a malformed body is no guess.
          if (returned.statusCode === 401) await backoff.recordFailure(email);
          return;
        }
        await backoff.clear(email);
      }),
    },
  };
}
