import type { Tone } from "@/components/ui/badge";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc";

/* The bot log page's pure parts: badges, filters → the list's input, a line's kind, the webhook's state. */

export type LogLine = RouterOutputs["bots"]["logs"]["items"][number];
export type LogLevel = LogLine["level"];
export type WebhookInfo = RouterOutputs["bots"]["webhookInfo"];

export const LEVEL_LABEL: Record<LogLevel, string> = { info: "Info", warn: "Warning", error: "Error" };
export const LEVEL_TONE: Record<LogLevel, Tone> = { info: "gray", warn: "amber", error: "red" };

/** Time ranges offered in the filter, back from now; "custom" uses the two date-time fields. */
export const RANGES = {
  all: { label: "Any time", ms: null },
  "1h": { label: "Last hour", ms: 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  custom: { label: "Custom range", ms: null },
} as const;
export type RangeKey = keyof typeof RANGES;

export interface LogFilters {
  level: LogLevel | "";
  method: string;
  search: string;
  range: RangeKey;
  /** `<input type="datetime-local">` values ("2026-12-03T18:00"), used when range is custom. */
  from: string;
  to: string;
}

export const NO_FILTERS: LogFilters = { level: "", method: "", search: "", range: "all", from: "", to: "" };

export const hasFilters = (f: LogFilters) =>
  f.level !== "" || f.method !== "" || f.search.trim() !== "" || f.range !== "all";

function localDate(value: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The filters as bots.logs' input; empty ones are left out. `now` is passed so it is testable. */
export function logsInput(botId: string, f: LogFilters, now: number): RouterInputs["bots"]["logs"] {
  const range = RANGES[f.range];
  const from = f.range === "custom" ? localDate(f.from) : range.ms ? new Date(now - range.ms) : undefined;
  const to = f.range === "custom" ? localDate(f.to) : undefined;
  const search = f.search.trim();
  return {
    botId,
    limit: 50,
    ...(f.level ? { level: f.level } : {}),
    ...(f.method ? { method: f.method } : {}),
    ...(search ? { search } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** How a line's method reads in the kind column and the filter. */
export function methodLabel(method: string | null): string {
  if (method === null) return "Runtime";
  if (method === "update") return "Incoming update";
  return method;
}

/** A set-aside update's id, when the line is one (its details say so). */
export function setAsideUpdateId(line: Pick<LogLine, "details">): number | null {
  const d = line.details as { kind?: unknown; updateId?: unknown } | null;
  return d && d.kind === "set_aside" && typeof d.updateId === "number" ? d.updateId : null;
}

export interface WebhookSummary {
  tone: Tone;
  title: string;
  detail: string;
}

/** The webhook's state in a sentence: what Telegram reports, read against the bot's delivery mode. */
export function webhookSummary(info: WebhookInfo): WebhookSummary {
  const waiting = info.pendingUpdateCount;
  const waitingText =
    waiting === 0
      ? "No updates waiting at Telegram."
      : `${waiting} update${waiting === 1 ? "" : "s"} waiting at Telegram.`;
  if (info.url === "")
    return info.deliveryMode === "webhook"
      ? {
          tone: "red",
          title: "No webhook set",
          detail: `The bot is set to webhook delivery but Telegram has no webhook for it. ${waitingText}`,
        }
      : {
          tone: "green",
          title: "Polling",
          detail: `No webhook is set: the runtime fetches updates itself. ${waitingText}`,
        };
  if (info.deliveryMode === "polling")
    return {
      tone: "amber",
      title: "Webhook set while polling",
      detail: `Telegram sends updates to ${info.url}; the runtime removes it when it polls. ${waitingText}`,
    };
  if (info.lastErrorMessage)
    return {
      tone: waiting > 0 ? "red" : "amber",
      title: "Webhook had errors",
      detail: `Last error: ${info.lastErrorMessage}. ${waitingText}`,
    };
  return {
    tone: "green",
    title: "Webhook working",
    detail: `Telegram sends updates to ${info.url}. ${waitingText}`,
  };
}
