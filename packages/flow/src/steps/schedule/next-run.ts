import { DateTime, IANAZone } from "luxon";
import type { ScheduleConfig } from "./index";

export const isValidTimeZone = (zone: string) => IANAZone.isValidZone(zone);

/** The schedule's start as an instant, or null when `startAt` is not a valid local date-time in `timeZone`. */
export function scheduleStart(config: Pick<ScheduleConfig, "startAt">, timeZone: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(config.startAt) || !isValidTimeZone(timeZone)) return null;
  const start = DateTime.fromISO(config.startAt, { zone: timeZone });
  return start.isValid ? start : null;
}

/**
 * The first run strictly after `after`, or null when there is none (a one-off in the past, an invalid
 * schedule). Local times are in the workspace's time zone, so "every day at 09:00" stays at 09:00
 * across daylight-saving changes; minute and hour intervals are exact durations.
 */
export function nextScheduleRun(
  config: Pick<ScheduleConfig, "startAt" | "repeat">,
  after: Date,
  timeZone: string,
): Date | null {
  const start = scheduleStart(config, timeZone);
  if (!start) return null;
  const afterMs = after.getTime();
  const repeat = config.repeat;
  switch (repeat.kind) {
    case "once":
      return start.toMillis() > afterMs ? start.toJSDate() : null;
    case "interval": {
      if (start.toMillis() > afterMs) return start.toJSDate();
      if (repeat.unit === "days") {
        // Calendar days in the zone: estimate the number of periods, then step to the first one after.
        const elapsedDays = DateTime.fromMillis(afterMs, { zone: timeZone }).diff(start, "days").days;
        let k = Math.max(0, Math.floor(elapsedDays / repeat.every));
        let run = start.plus({ days: k * repeat.every });
        while (run.toMillis() <= afterMs) run = start.plus({ days: ++k * repeat.every });
        return run.toJSDate();
      }
      const period = repeat.every * (repeat.unit === "hours" ? 3_600_000 : 60_000);
      const k = Math.floor((afterMs - start.toMillis()) / period) + 1;
      return new Date(start.toMillis() + k * period);
    }
    case "weekly": {
      if (repeat.days.length === 0) return null;
      const [hour, minute] = repeat.time.split(":").map(Number) as [number, number];
      const from = DateTime.fromMillis(Math.max(afterMs, start.toMillis()), { zone: timeZone }).startOf(
        "day",
      );
      for (let i = 0; i <= 7; i++) {
        const run = from.plus({ days: i }).set({ hour, minute, second: 0, millisecond: 0 });
        if (!repeat.days.includes(run.weekday)) continue;
        if (run.toMillis() > afterMs && run.toMillis() >= start.toMillis()) return run.toJSDate();
      }
      return null;
    }
  }
}

/** "Mon–Fri at 09:00", "every 2 hours", "once": what the node shows. */
export function describeRepeat(config: Pick<ScheduleConfig, "repeat">): string {
  const r = config.repeat;
  switch (r.kind) {
    case "once":
      return "Once";
    case "interval":
      return `Every ${r.every === 1 ? "" : `${r.every} `}${r.every === 1 ? r.unit.replace(/s$/, "") : r.unit}`;
    case "weekly": {
      const names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
      const days = [...r.days].sort();
      const label =
        days.join() === "1,2,3,4,5"
          ? "Weekdays"
          : days.length === 7
            ? "Every day"
            : days.map((d) => names[d - 1]).join(", ");
      return `${label} at ${r.time}`;
    }
  }
}
