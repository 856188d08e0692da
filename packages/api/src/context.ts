import {
  type CoreEnv,
  type FileStorage,
  fileStorageFromEnv,
  type InvitationEnv,
  type MailTransport,
  noMail,
  preconditionFailed,
} from "@switchboard/core";
import type { Db } from "@switchboard/db";
import { secretKeyFromEnv } from "@switchboard/db";
import { RealtimeHub } from "./realtime/hub";

export interface ApiEnv {
  /** Key for bot tokens at rest. */
  secretKey: Buffer;
  /** Where bot tokens are checked with getMe: api.telegram.org or the local sandbox. */
  telegramApiRoot: string;
  /** The Bot API sandbox's control URL, when one runs (demo, tests, offline machines). */
  sandboxUrl: string | null;
  /** What the core needs to run conversations (operator actions and logins run flow steps). */
  core: CoreEnv;
  /** Where uploaded files' bytes go (step media). */
  fileStorage: FileStorage;
  /** How invitations are emailed; without one nothing is sent and the admin shows the link to copy. */
  mail?: MailTransport;
  /** The process's realtime hub (one LISTEN connection), made on first use. */
  realtime: () => RealtimeHub;
  /** Told about every procedure call when it ends (the admin's Prometheus metrics). */
  observeCall?: (call: ProcedureCall) => void;
}

/** One finished procedure call, as metrics see it: no input, no user, only what and how it went. */
export interface ProcedureCall {
  path: string;
  type: "query" | "mutation" | "subscription";
  /** "ok", or the tRPC error code (NOT_FOUND, BAD_REQUEST, INTERNAL_SERVER_ERROR…). */
  result: string;
  durationMs: number;
}

/** Subscribers of every realtime hub of this process (open live feeds), for the admin's metrics. */
export function realtimeSubscriberCount(): number {
  let total = 0;
  for (const hub of hubs.values()) total += hub.subscriberCount();
  return total;
}

/** One hub per database URL and process. */
const hubs = new Map<string, RealtimeHub>();
export function realtimeHubFor(databaseUrl: string | undefined): () => RealtimeHub {
  return () => {
    if (!databaseUrl) throw preconditionFailed("Live updates need DATABASE_URL.");
    let hub = hubs.get(databaseUrl);
    if (!hub) {
      hub = new RealtimeHub(databaseUrl);
      hubs.set(databaseUrl, hub);
    }
    return hub;
  };
}

/** What the core's invitations need: links to the admin, tokens derived from the server's secret. */
export const invitationEnvOf = (env: ApiEnv): InvitationEnv => ({
  adminBaseUrl: env.core.adminBaseUrl,
  secretKey: env.secretKey,
  mail: env.mail ?? noMail,
});

/**
 * The file storage of SWITCHBOARD_FILES_DIR, resolved at its first use: a process that never stores a
 * file (a script, an admin without uploads configured) starts without it, and an upload then fails
 * with a clear PRECONDITION_FAILED instead of the whole process failing at start.
 */
export function lazyFileStorage(env: NodeJS.ProcessEnv = process.env): FileStorage {
  let storage: FileStorage | null = null;
  const resolve = () => {
    if (storage) return storage;
    if (!env.SWITCHBOARD_FILES_DIR)
      throw preconditionFailed(
        "File uploads are not configured on this server (SWITCHBOARD_FILES_DIR is not set).",
      );
    storage = fileStorageFromEnv(env);
    return storage;
  };
  return {
    put: (key, bytes) => resolve().put(key, bytes),
    get: (key) => resolve().get(key),
    describe: () => (env.SWITCHBOARD_FILES_DIR ? resolve().describe() : "not configured"),
  };
}

export function apiEnvFromProcess(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  return {
    secretKey: secretKeyFromEnv(env),
    telegramApiRoot: (env.TELEGRAM_API_ROOT ?? "https://api.telegram.org").replace(/\/+$/, ""),
    sandboxUrl: env.SANDBOX_URL ? env.SANDBOX_URL.replace(/\/+$/, "") : null,
    core: { adminBaseUrl: (env.ADMIN_URL ?? "http://localhost:3000").replace(/\/+$/, "") },
    fileStorage: lazyFileStorage(env),
    realtime: realtimeHubFor(env.DATABASE_URL),
  };
}

export interface CreateContextOptions {
  db: Db;
  /** The signed-in user (from the auth session), or null. */
  userId: string | null;
  /**
   * The auth session's id (better-auth's `session.id`), or null: the session row names the workspace
   * the user works in (`workspace.switch` sets it); without one a call works in the user's first workspace.
   */
  sessionId?: string | null;
  env: ApiEnv;
}

export function createContext(opts: CreateContextOptions) {
  return { db: opts.db, userId: opts.userId, sessionId: opts.sessionId ?? null, env: opts.env };
}

export type Context = ReturnType<typeof createContext>;
