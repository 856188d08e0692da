import { EnvError, oneOfVar, parseEnv, portVar, postgresUrlVar, textVar, urlVar } from "@switchboard/core";

/** Every variable the admin server reads, checked once at start (src/instrumentation.ts). */
export const adminEnvShape = {
  DATABASE_URL: postgresUrlVar("DATABASE_URL"),
  SWITCHBOARD_SECRET: textVar("SWITCHBOARD_SECRET", { minLength: 16 }),
  ADMIN_URL: urlVar("ADMIN_URL", null),
  ADMIN_PORT: portVar("ADMIN_PORT", 3000),
  TELEGRAM_API_ROOT: urlVar("TELEGRAM_API_ROOT", "https://api.telegram.org"),
  SANDBOX_URL: urlVar("SANDBOX_URL", null),
  SWITCHBOARD_FILES_DIR: textVar("SWITCHBOARD_FILES_DIR"),
  METRICS_TOKEN: textVar("METRICS_TOKEN", { minLength: 16 }),
  LOG_LEVEL: oneOfVar("LOG_LEVEL", ["debug", "info", "warn", "error", "silent"] as const, "info"),
};

/**
 * Checks the admin's environment; throws EnvError with every problem. In production the secret
 * is required (sessions and bot tokens are keyed by it); in development a fixed one is used.
 */
export function checkAdminEnv(env: Record<string, string | undefined>) {
  let problems: string[] = [];
  let parsed: ReturnType<typeof parseEnv<typeof adminEnvShape>> | null = null;
  try {
    parsed = parseEnv(adminEnvShape, env);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    problems = err.problems;
  }
  if (env.NODE_ENV === "production" && !env.SWITCHBOARD_SECRET?.trim())
    problems.push("SWITCHBOARD_SECRET is not set (required in production: a long random string).");
  if (problems.length > 0) throw new EnvError(problems);
  return parsed!;
}
