import pino from "pino";

/**
 * The admin server's structured logs: JSON lines on stdout (time, level, scope, msg, fields), the
 * same shape as the runtime's. LOG_LEVEL=debug|info|warn|error|silent, default info.
 */
const globals = globalThis as { switchboardAdminLog?: pino.Logger };
globals.switchboardAdminLog ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
const root = globals.switchboardAdminLog;

/** A logger whose lines carry `scope` (trpc, files, telegram-login…). */
export const serverLog = (scope: string) => root.child({ scope });
