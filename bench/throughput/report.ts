/** Figures of one measured run and how they are printed. */

export interface RunFigures {
  scenario: string;
  system: "bare" | "runtime";
  bots: number;
  chats: number;
  messages: number;
  correct: number;
  wrong: number;
  missing: number;
  /** Replies beyond one per message, seen during the run and a short grace period after it. */
  extra: number;
  durationSeconds: number;
  /** Correct replies per second. */
  messagesPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  warmUpSeconds: number;
  warmUpMissing: number;
  /** CPU % of each process (tree) during the measured part; 100 = one core. */
  cpuPercent: {
    bot: number;
    sandbox: number;
    postgres: number;
    loadGenerator: number;
    /** Every process on the machine. */
    machine: number;
    /** machine minus the four above: other people's work on a shared machine. */
    others: number;
  };
  /**
   * CPU time per correct reply, ms: of the system under test (the runtime or bare bot plus Postgres) and of
   * the sandbox. Steadier than msg/s when other work shares the cores: it counts work, not waiting.
   */
  cpuMsPerMessage: { system: number; bot: number; postgres: number; sandbox: number };
  cores: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

const COLUMNS = [
  ["system", 8],
  ["msgs", 6],
  ["ok", 6],
  ["wrong", 6],
  ["miss", 6],
  ["extra", 6],
  ["secs", 7],
  ["msg/s", 7],
  ["p50 ms", 8],
  ["p99 ms", 8],
  ["bot %", 7],
  ["sandbox %", 10],
  ["pg %", 7],
  ["loadgen %", 10],
  ["others %", 9],
  ["cpu ms/msg", 11],
] as const;

export function header(): string {
  return COLUMNS.map(([name, width]) => name.padStart(width)).join(" ");
}

export function row(f: RunFigures): string {
  const values = [
    f.system,
    f.messages,
    f.correct,
    f.wrong,
    f.missing,
    f.extra,
    f.durationSeconds.toFixed(2),
    Math.round(f.messagesPerSecond),
    f.latencyMs.p50.toFixed(1),
    f.latencyMs.p99.toFixed(1),
    Math.round(f.cpuPercent.bot),
    Math.round(f.cpuPercent.sandbox),
    Math.round(f.cpuPercent.postgres),
    Math.round(f.cpuPercent.loadGenerator),
    Math.round(f.cpuPercent.others),
    f.cpuMsPerMessage.system.toFixed(2),
  ];
  return COLUMNS.map(([, width], i) => String(values[i]).padStart(width)).join(" ");
}

/**
 * Per scenario, once there are several rounds: each system's replies over its seconds, all rounds
 * pooled, and the runtime/bare ratio of those, plus the spread of the rounds' own ratios. A run of the
 * issue's load (200 chats × 5 messages) lasts under a second for the bare bot, so one pair swings with
 * whatever else the machine did in that second; the pooled figure is the one to compare.
 */
export function roundsSummary(results: readonly (RunFigures & { round: number })[]): string[] {
  const lines: string[] = [];
  const scenarios = [...new Set(results.map((r) => r.scenario))];
  for (const scenario of scenarios) {
    const runs = results.filter((r) => r.scenario === scenario);
    const pooled = (system: RunFigures["system"]) => {
      const of = runs.filter((r) => r.system === system);
      const seconds = of.reduce((sum, r) => sum + r.durationSeconds, 0);
      return seconds > 0 ? of.reduce((sum, r) => sum + r.correct, 0) / seconds : 0;
    };
    const rounds = [...new Set(runs.map((r) => r.round))];
    const ratios = rounds
      .map((round) => {
        const bare = runs.find((r) => r.round === round && r.system === "bare");
        const runtime = runs.find((r) => r.round === round && r.system === "runtime");
        return bare && runtime && bare.messagesPerSecond > 0
          ? runtime.messagesPerSecond / bare.messagesPerSecond
          : null;
      })
      .filter((ratio): ratio is number => ratio !== null)
      .sort((a, b) => a - b);
    const runtime = pooled("runtime");
    const bare = pooled("bare");
    const ratioText = bare > 0 && runtime > 0 ? `, runtime/bare ${(runtime / bare).toFixed(2)}` : "";
    const spread =
      ratios.length > 1
        ? `; the rounds' ratios ${ratios.map((r) => r.toFixed(2)).join(" ≤ ")} (median ${percentile(ratios, 50).toFixed(2)})`
        : "";
    lines.push(
      `Scenario ${scenario} over ${rounds.length} rounds: runtime ${Math.round(runtime)} msg/s, bare ${Math.round(bare)} msg/s (every round's replies over every round's seconds)${ratioText}${spread}`,
    );
  }
  return lines;
}
