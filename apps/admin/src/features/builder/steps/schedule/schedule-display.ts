import { describeRepeat, nextScheduleRun, type ScheduleConfig, scheduleStart } from "@switchboard/flow";
import type { ScheduleRunInfo } from "../../workspace-environment";

type Repeat = ScheduleConfig["repeat"];

/** One bot's runs of the step, formatted. */
export interface RunView {
  bot: string;
  last: string | null;
  lastReached: number | null;
  next: string | null;
}

export interface ScheduleDisplay {
  /** "Once", "Every 2 hours", "Weekdays at 09:00". */
  repeat: string;
  /** The start is a valid date-time. */
  valid: boolean;
  /** What the server says, per bot that runs the flow. */
  runs: RunView[];
  /** Before any bot runs the flow: the next run as computed here; null when there is none. */
  localNext: string | null;
}

/** "Mon, Dec 7, 09:00" in the schedule's time zone (with the year when it isn't this year's). */
export function formatRunTime(date: Date, timeZone: string, now: Date): string {
  const year = (d: Date) => new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(d);
  return new Intl.DateTimeFormat("en", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(year(date) !== year(now) ? { year: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** Last and next runs from the server when bots run the flow, else the next run computed locally. */
export function scheduleDisplay(
  config: Pick<ScheduleConfig, "startAt" | "repeat">,
  runs: readonly ScheduleRunInfo[],
  now: Date,
  timeZone: string,
): ScheduleDisplay {
  const valid = scheduleStart(config, timeZone) !== null;
  const fmt = (d: Date | null) => (d ? formatRunTime(d, timeZone, now) : null);
  if (runs.length)
    return {
      repeat: describeRepeat(config),
      valid,
      runs: runs.map((r) => ({
        bot: r.botUsername ? `@${r.botUsername}` : "A bot",
        last: fmt(r.lastRunAt),
        lastReached: r.lastRunReached,
        next: fmt(r.nextRunAt),
      })),
      localNext: null,
    };
  return {
    repeat: describeRepeat(config),
    valid,
    runs: [],
    localNext: valid ? fmt(nextScheduleRun(config, now, timeZone)) : null,
  };
}

/** The ISO weekday (1 = Monday) and "HH:MM" of a "YYYY-MM-DDTHH:MM" start, when it is one. */
function startParts(startAt: string): { weekday: number; time: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(startAt);
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return { weekday: day === 0 ? 7 : day, time: m[4]! };
}

/** The repeat after choosing another kind; a new weekly repeat starts on the start's weekday and time. */
export function withRepeatKind(repeat: Repeat, kind: Repeat["kind"], startAt: string): Repeat {
  if (repeat.kind === kind) return repeat;
  switch (kind) {
    case "once":
      return { kind };
    case "interval":
      return { kind, every: 1, unit: "days" };
    case "weekly": {
      const start = startParts(startAt);
      return { kind, days: [start?.weekday ?? 1], time: start?.time ?? "09:00" };
    }
  }
}

/** The weekly days with `day` switched on or off, in week order. */
export const toggleDay = (days: readonly number[], day: number) =>
  (days.includes(day) ? days.filter((d) => d !== day) : [...days, day]).sort((a, b) => a - b);
