import type { Db } from "@switchboard/db";
import { secretKeyFromEnv } from "@switchboard/db";

export interface ApiEnv {
  /** Key for bot tokens at rest. */
  secretKey: Buffer;
  /** Where bot tokens are checked with getMe: api.telegram.org or the local sandbox. */
  telegramApiRoot: string;
  /** The Bot API sandbox's control URL, when one runs (demo, tests, offline machines). */
  sandboxUrl: string | null;
}

export function apiEnvFromProcess(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  return {
    secretKey: secretKeyFromEnv(env),
    telegramApiRoot: (env.TELEGRAM_API_ROOT ?? "https://api.telegram.org").replace(/\/+$/, ""),
    sandboxUrl: env.SANDBOX_URL ? env.SANDBOX_URL.replace(/\/+$/, "") : null,
  };
}

export interface CreateContextOptions {
  db: Db;
  /** The signed-in user (from the auth session), or null. */
  userId: string | null;
  env: ApiEnv;
}

export function createContext(opts: CreateContextOptions) {
  return { db: opts.db, userId: opts.userId, env: opts.env };
}

export type Context = ReturnType<typeof createContext>;
