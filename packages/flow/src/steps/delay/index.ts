import { z } from "zod";
import { problem } from "../../compiler/problems";
import { defineStep, NEXT_HANDLE, nextOutput } from "../define-step";

export const DELAY_UNITS = ["seconds", "minutes", "hours", "days"] as const;
const DELAY_UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
/** The longest a Delay step may wait: 365 days. */
export const MAX_DELAY_MS = 365 * DELAY_UNIT_MS.days;

export const delayConfigSchema = z.object({
  amount: z.number().int().min(1, "wait at least 1").max(1_000_000),
  unit: z.enum(DELAY_UNITS),
  /** While waiting, a message matching a step's alias (or command) jumps there; off: messages are ignored. */
  allowAliases: z.boolean().default(false),
});
export type DelayConfig = z.infer<typeof delayConfigSchema>;

export const delayMs = (c: Pick<DelayConfig, "amount" | "unit">) => c.amount * DELAY_UNIT_MS[c.unit];

/** "1 day", "30 seconds". */
export const delayLabel = (c: Pick<DelayConfig, "amount" | "unit">) =>
  `${c.amount} ${c.amount === 1 ? c.unit.replace(/s$/, "") : c.unit}`;

/**
 * Waits on a durable timer, then goes on through `next`. While it waits the user's messages are
 * stored (as every message is) and ignored, unless `allowAliases` lets an alias or command jump away
 * (the timer is then cancelled). /start always restarts the flow.
 */
export const delayStep = defineStep({
  type: "delay",
  label: "Delay",
  description: "Waits a while (seconds to days), then continues.",
  waits: true,
  configSchema: delayConfigSchema,
  defaults: (): DelayConfig => ({ amount: 1, unit: "hours", allowAliases: false }),
  outputs: (c) => nextOutput(`After ${delayLabel(c)}`),
  templates: () => [],
  writesVariables: () => [],
  check: (step) =>
    delayMs(step.config) > MAX_DELAY_MS
      ? [
          problem(
            "DELAY_OUT_OF_RANGE",
            `A delay can wait at most 365 days; ${delayLabel(step.config)} is longer.`,
            { stepId: step.id, path: "config.amount" },
          ),
        ]
      : [],
  handler: {
    enter(step, io) {
      const id = io.newId();
      io.startTimer(id, delayMs(step.config));
      io.waitFor("delay", id);
      return { wait: true };
    },
    resume(step, signal) {
      if (signal.kind !== "timer") return null;
      return { go: step.outputs[NEXT_HANDLE] ?? null, output: NEXT_HANDLE };
    },
    allowsAliases: (step) => step.config.allowAliases,
  },
});
