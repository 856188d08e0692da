import { z } from "zod";
import { checkMessage } from "../../compiler/check-helpers";
import { problem } from "../../compiler/problems";
import { DURATION_UNITS, mediaSchema, messageTextSchema } from "../common";
import { defineStep, NEXT_HANDLE, nextOutput } from "../define-step";

export const scheduleRepeatSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("once") }),
  z.object({
    kind: z.literal("interval"),
    every: z.number().int().min(1).max(10_000),
    unit: z.enum(DURATION_UNITS),
  }),
  /** On these ISO weekdays (1 = Monday … 7 = Sunday) at this local time. */
  z.object({
    kind: z.literal("weekly"),
    days: z.array(z.number().int().min(1).max(7)).max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time is HH:MM"),
  }),
]);

export const scheduleConfigSchema = z.object({
  text: messageTextSchema,
  media: mediaSchema.optional(),
  /** The first run, a local date-time "YYYY-MM-DDTHH:MM" in the workspace's time zone. */
  startAt: z.string().max(16).default(""),
  repeat: scheduleRepeatSchema.default({ kind: "once" }),
});
export type ScheduleConfig = z.infer<typeof scheduleConfigSchema>;

/** "YYYY-MM-DDTHH:MM" naming a real calendar date and time. */
export function isLocalDateTime(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60
  );
}

/**
 * A timed send inside a flow (seed 001's "Schedule"). Conversations that reach the step wait there
 * (they are its subscribers); each run sends the text to every subscriber and moves them on. The
 * runtime owns the clock: it computes the runs (next-run.ts) and fans each out as `schedule_fired`.
 */
export const scheduleStep = defineStep({
  type: "schedule",
  label: "Schedule",
  description: "Sends its text at set times to everyone waiting here, then moves them on.",
  waits: true,
  configSchema: scheduleConfigSchema,
  defaults: (): ScheduleConfig => ({ text: "", startAt: "", repeat: { kind: "once" } }),
  outputs: () => nextOutput("After the send"),
  templates: (c) => [c.text],
  writesVariables: () => [],
  check: (step) => {
    const out = checkMessage(step, "The scheduled message");
    const { startAt, repeat } = step.config;
    const at = (message: string, path: string) =>
      out.push(problem("INVALID_SCHEDULE", message, { stepId: step.id, path }));
    if (!isLocalDateTime(startAt)) at("Pick the date and time of the first run.", "config.startAt");
    if (repeat.kind === "weekly" && repeat.days.length === 0)
      at("Pick at least one day of the week.", "config.repeat.days");
    return out;
  },
  handler: {
    // Reaching the step subscribes the conversation: it waits here silently until a run.
    enter: () => ({ wait: true }),
    resume(step, signal, io) {
      if (signal.kind !== "schedule_fired") return null;
      io.send(io.renderMessage(step.config.text), { media: step.config.media });
      return { go: step.outputs[NEXT_HANDLE] ?? null, output: NEXT_HANDLE };
    },
  },
});
