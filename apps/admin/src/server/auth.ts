import { ensurePersonalWorkspace } from "@switchboard/api";
import { clearFailedSignIns, recordFailedSignIn, signInLockedUntil } from "@switchboard/core";
import { getDb, schema } from "@switchboard/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { authSecurityOptions } from "./auth-security";
import { CLIENT_IP_HEADER, clientIpHeaderIsSet } from "./client-ip";

const DEV_SECRET = "switchboard-dev-secret-do-not-use-in-production-0000";

function authSecret(): string {
  const secret = process.env.SWITCHBOARD_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production")
    throw new Error("SWITCHBOARD_SECRET must be set in production (a long random string).");
  return DEV_SECRET;
}

function adminUrl(): string {
  return process.env.ADMIN_URL ?? `http://localhost:${process.env.ADMIN_PORT ?? "3000"}`;
}

function createAuth() {
  const db = getDb();
  const baseURL = adminUrl();
  const port = process.env.ADMIN_PORT ?? "3000";
  const security = authSecurityOptions({
    backoff: {
      lockedUntil: (email) => signInLockedUntil(db, email),
      recordFailure: (email) => recordFailedSignIn(db, email),
      clear: (email) => clearFailedSignIns(db, email),
    },
    clientIpHeader: clientIpHeaderIsSet() ? CLIENT_IP_HEADER : null,
  });
  if (!clientIpHeaderIsSet() && process.env.NODE_ENV === "production")
    console.warn(
      "[auth] The admin runs without its server (server.mjs): no client address is known, so the sign-in rate limit counts all clients together. Start it with `node server.mjs`.",
    );
  return betterAuth({
    ...security,
    appName: "Switchboard",
    baseURL,
    secret: authSecret(),
    trustedOrigins: [baseURL, `http://localhost:${port}`, `http://127.0.0.1:${port}`],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
      },
    }),
    emailAndPassword: { enabled: true, autoSignIn: true, ...security.emailAndPassword },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await ensurePersonalWorkspace(db, { userId: user.id, name: user.name });
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type Session = Auth["$Infer"]["Session"];

let instance: Auth | undefined;

/** Built on first use so that `next build` never opens a database connection. */
export function getAuth(): Auth {
  instance ??= createAuth();
  return instance;
}

/** The signed-in user's session in a server component, route or action; null when signed out. */
export async function getServerSession(): Promise<Session | null> {
  return getAuth().api.getSession({ headers: await headers() });
}

/** Who looks at a public page (an invitation, a login link), or null when signed out. */
export interface Viewer {
  name: string;
  email: string;
}

/**
 * The viewer of a page that works signed in or out. Never throws: with the database unreachable the
 * page still renders and reports its own errors.
 */
export async function getOptionalViewer(): Promise<Viewer | null> {
  try {
    const session = await getServerSession();
    return session ? { name: session.user.name, email: session.user.email } : null;
  } catch {
    return null;
  }
}
