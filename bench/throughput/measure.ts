/** One measured run: the load against one system, with CPU readings around its measured part. */
import { cpus } from "node:os";
import type { SandboxClient } from "@switchboard/telegram-sandbox";
import type { Child } from "./children";
import type { Scenario, System } from "./config";
import { cpuPercent, machineTicks, processTreeTicks } from "./cpu";
import type { ReplyInbox } from "./replies";
import { percentile, type RunFigures } from "./report";
import { runChats, type SimulatedChat } from "./simulated-chats";

/** Longer than a reply's timeout: the system under test may still be starting. */
const WARM_UP_TIMEOUT_MS = 90_000;
/** How long after the last reply extra replies (a second answer to one message) are still counted. */
const EXTRA_GRACE_MS = 500;

export async function measure(options: {
  scenario: Scenario;
  system: System;
  chats: SimulatedChat[];
  messagesPerChat: number;
  warmUpMessages: number;
  replyTimeoutMs: number;
  client: SandboxClient;
  inbox: ReplyInbox;
  /** The system under test. */
  bot: Child;
  sandbox: Child;
  /** Rejects when the sandbox dies or its bot-message stream ends. */
  sandboxFailed: Promise<never>;
  postmasterPid: number | null;
}): Promise<RunFigures> {
  const { bot, sandbox, postmasterPid, inbox } = options;
  inbox.clear();
  const sample = () => ({
    at: performance.now(),
    bot: processTreeTicks(bot.pid),
    sandbox: processTreeTicks(sandbox.pid),
    postgres: postmasterPid ? processTreeTicks(postmasterPid) : 0,
    self: process.cpuUsage(),
    machine: machineTicks().busy,
  });
  let start: ReturnType<typeof sample> | undefined;
  const result = await runChats({
    client: options.client,
    inbox,
    chats: options.chats,
    messagesPerChat: options.messagesPerChat,
    warmUpMessages: options.warmUpMessages,
    replyTimeoutMs: options.replyTimeoutMs,
    warmUpTimeoutMs: WARM_UP_TIMEOUT_MS,
    aborted: Promise.race([bot.died, options.sandboxFailed]),
    onMeasuredStart: () => {
      start = sample();
    },
  });
  const end = sample();
  await new Promise((resolve) => setTimeout(resolve, EXTRA_GRACE_MS));
  if (!start) throw new Error("The measured part never started.");
  const seconds = (end.at - start.at) / 1000;
  const selfMicros = end.self.user + end.self.system - (start.self.user + start.self.system);
  const cpu = cpuShares({
    bot: cpuPercent(start.bot, end.bot, seconds),
    sandbox: cpuPercent(start.sandbox, end.sandbox, seconds),
    postgres: cpuPercent(start.postgres, end.postgres, seconds),
    loadGenerator: seconds > 0 ? (selfMicros / 1e6 / seconds) * 100 : 0,
    machine: cpuPercent(start.machine, end.machine, seconds),
  });
  // % of a core over `seconds` → ms of CPU per correct reply.
  const msPerMessage = (percent: number) =>
    result.correct > 0 ? ((percent / 100) * seconds * 1000) / result.correct : 0;
  return {
    scenario: options.scenario.name,
    system: options.system,
    bots: options.scenario.bots,
    chats: options.chats.length,
    messages: result.sent,
    correct: result.correct,
    wrong: result.wrong,
    missing: result.missing,
    extra: inbox.unclaimed(),
    durationSeconds: result.durationMs / 1000,
    messagesPerSecond: result.durationMs > 0 ? result.correct / (result.durationMs / 1000) : 0,
    latencyMs: {
      p50: percentile(result.latenciesMs, 50),
      p99: percentile(result.latenciesMs, 99),
      max: percentile(result.latenciesMs, 100),
    },
    warmUpSeconds: result.warmUpMs / 1000,
    warmUpMissing: result.warmUpMissing,
    cpuPercent: cpu,
    cpuMsPerMessage: {
      system: msPerMessage(cpu.bot + cpu.postgres),
      bot: msPerMessage(cpu.bot),
      postgres: msPerMessage(cpu.postgres),
      sandbox: msPerMessage(cpu.sandbox),
    },
    cores: cpus().length,
  };
}

/** Adds what the machine spent outside the benchmark's processes (never below 0: readings are not atomic). */
function cpuShares(shares: Omit<RunFigures["cpuPercent"], "others">): RunFigures["cpuPercent"] {
  const ours = shares.bot + shares.sandbox + shares.postgres + shares.loadGenerator;
  return { ...shares, others: Math.max(0, shares.machine - ours) };
}
