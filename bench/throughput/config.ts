/** The benchmark's knobs, all from the environment (docs/architecture.md, Benchmarks, lists them). */

export type System = "bare" | "runtime";

export interface Scenario {
  name: "A" | "B";
  bots: number;
  chatsPerBot: number;
}

export interface ThroughputConfig {
  /** Chats in all, per scenario (B splits them over its bots). */
  chats: number;
  messagesPerChat: number;
  /** Messages each chat sends after its /start before the measured part (simulated-chats.ts). */
  warmUpMessages: number;
  /** Scenario B's bot count. */
  scenarioBBots: number;
  scenarios: Scenario[];
  systems: System[];
  /** Each scenario's bare + runtime pair is run this many times (rounds one after the other). */
  rounds: number;
  replyTimeoutMs: number;
  /** Where to write the results as JSON, if anywhere. */
  jsonFile: string | undefined;
  /** Keep the temporary folder (logs, database) even after a successful run. */
  keepFiles: boolean;
  /** Print the runtime's SQL statements per message (pg_stat_statements). */
  statements: boolean;
  /** The runtime connects over Postgres's Unix socket instead of loopback TCP. */
  dbSocket: boolean;
  /** RUNTIME_BOT_MESSAGES_PER_SECOND for the runtime: Telegram's ~30/s limit lifted. */
  runtimeMessagesPerSecond: string;
  /** Written into each bot's settings.messagesPerSecond (a runtime without that setting drops it). */
  botSettingMessagesPerSecond: number;
}

/** A whole-number variable of at least `min` (unset or empty: the fallback). */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}".`);
  return value;
}

function list<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[]): T[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return [...allowed];
  const values = raw
    .split(",")
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  const unknown = values.filter((v) => !allowed.includes(v as T));
  if (unknown.length > 0 || values.length === 0)
    throw new Error(`${name} takes a comma-separated list of ${allowed.join(", ")}; got "${raw}".`);
  return [...new Set(values)] as T[];
}

export function throughputConfig(env: NodeJS.ProcessEnv = process.env): ThroughputConfig {
  const chats = wholeNumber(env, "THROUGHPUT_CHATS", 200);
  const scenarioBBots = wholeNumber(env, "THROUGHPUT_BOTS", 20);
  const all: Record<"a" | "b", Scenario> = {
    a: { name: "A", bots: 1, chatsPerBot: chats },
    b: { name: "B", bots: scenarioBBots, chatsPerBot: Math.max(1, Math.round(chats / scenarioBBots)) },
  };
  return {
    chats,
    messagesPerChat: wholeNumber(env, "THROUGHPUT_MESSAGES", 5),
    warmUpMessages: wholeNumber(env, "THROUGHPUT_WARM_UP_MESSAGES", 5, 0),
    scenarioBBots,
    scenarios: list(env, "THROUGHPUT_SCENARIOS", ["a", "b"] as const).map((key) => all[key]),
    systems: list(env, "THROUGHPUT_SYSTEMS", ["bare", "runtime"] as const),
    rounds: wholeNumber(env, "THROUGHPUT_ROUNDS", 1),
    replyTimeoutMs: wholeNumber(env, "THROUGHPUT_REPLY_TIMEOUT_MS", 60_000),
    jsonFile: env.THROUGHPUT_JSON || undefined,
    keepFiles: env.THROUGHPUT_KEEP === "1",
    statements: env.THROUGHPUT_STATEMENTS === "1",
    dbSocket: env.THROUGHPUT_DB_SOCKET !== "0",
    runtimeMessagesPerSecond: env.RUNTIME_BOT_MESSAGES_PER_SECOND ?? "10000",
    botSettingMessagesPerSecond: 1000,
  };
}

/** The runtime's send-limit variables in effect (ours and any the caller set), for the report. */
export function sendLimitEnv(config: ThroughputConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries({ ...env, RUNTIME_BOT_MESSAGES_PER_SECOND: config.runtimeMessagesPerSecond })
    .filter(([name]) => /^RUNTIME_.*(PER_SECOND|LIMIT|RATE)/.test(name))
    .map(([name, value]) => `${name}=${value}`)
    .sort();
}
