"use client";

import { DELAY_UNITS, type DelayConfig } from "@switchboard/flow";
import { Field, Input, Select } from "@/components/ui/field";
import { Toggle } from "@/components/ui/toggle";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";
import { parseAmount } from "./delay";

export function DelayEditor({ step, onChange, problems }: EditorProps<"delay">) {
  const config = step.config;
  const error = problemAt(problems, "config.amount");
  return (
    <div className="space-y-5">
      <Field label="Wait" htmlFor="delay-amount" error={error} hint="From 1 second up to 365 days.">
        <div className="flex gap-2">
          <Input
            id="delay-amount"
            data-testid="delay-amount"
            type="number"
            min={1}
            className="w-28"
            value={config.amount}
            invalid={!!error}
            onChange={(e) => onChange({ ...config, amount: parseAmount(e.target.value) })}
          />
          <Select
            aria-label="Unit"
            data-testid="delay-unit"
            value={config.unit}
            onChange={(e) => onChange({ ...config, unit: e.target.value as DelayConfig["unit"] })}
          >
            {DELAY_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </div>
      </Field>
      <div className="flex items-start justify-between gap-3">
        <div className="text-sm">
          <p className="font-medium text-zinc-800">Let aliases interrupt</p>
          <p className="text-xs text-zinc-500">
            On: a message matching a step's alias or command jumps there and the wait is cancelled. Off:
            messages are kept in the conversation but don't move the flow. /start always restarts.
          </p>
        </div>
        <Toggle
          label="Let aliases interrupt"
          data-testid="delay-allow-aliases"
          checked={config.allowAliases}
          onChange={(allowAliases) => onChange({ ...config, allowAliases })}
        />
      </div>
      <p className="text-xs text-zinc-500">The wait survives restarts: it runs on a durable timer.</p>
    </div>
  );
}
