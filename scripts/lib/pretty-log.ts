/**
 * Reads a pino JSON log line (the runtime's, the admin's) as a person would in a terminal:
 * "19:04:05 WARN  [runtime host:1] getUpdates failed botId=… error=…". Anything else is left as it is.
 * The stack uses it only when its stdout is a terminal; piped output stays JSON for machines.
 */
const LEVEL_COLOR: Record<string, string> = {
  debug: "\x1b[90m",
  info: "\x1b[32m",
  warn: "\x1b[33m",
  error: "\x1b[31m",
  fatal: "\x1b[31m",
};

export function prettyLogLine(line: string): string {
  if (!line.startsWith("{")) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, scope, msg, ...rest } = entry;
  if (typeof level !== "string" || typeof msg !== "string") return line;
  const clock = typeof time === "string" ? time.slice(11, 19) : "";
  const color = LEVEL_COLOR[level] ?? "";
  const fields = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  return [
    clock,
    `${color}${level.toUpperCase().padEnd(5)}\x1b[0m`,
    typeof scope === "string" ? `[${scope}]` : "",
    msg,
    fields,
  ]
    .filter(Boolean)
    .join(" ");
}
