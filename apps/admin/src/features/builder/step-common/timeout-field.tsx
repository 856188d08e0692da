"use client";

import type { Duration } from "@switchboard/flow";
import { Toggle } from "@/components/ui/toggle";
import { DurationInput } from "../fields/duration-input";
import { SectionLabel } from "./section-label";

const DEFAULT_TIMEOUT: Duration = { amount: 1, unit: "hours" };

/** "No answer within": a waiting step's optional timeout, which gives it a `timeout` output. */
export function TimeoutField({
  timeout,
  onChange,
}: {
  timeout: Duration | undefined;
  onChange: (timeout: Duration | undefined) => void;
}) {
  return (
    <div className="space-y-2" data-testid="timeout-field">
      <SectionLabel
        label="No answer within"
        info="When the user doesn't answer in time, the conversation continues at the step's “No answer” output instead of waiting forever."
        aside={
          <Toggle
            checked={!!timeout}
            onChange={(on) => onChange(on ? DEFAULT_TIMEOUT : undefined)}
            label="Stop waiting after a while"
            data-testid="timeout-toggle"
          />
        }
      />
      {timeout ? (
        <>
          <DurationInput value={timeout} onChange={onChange} testId="timeout" />
          <p className="text-xs text-zinc-500">Then the conversation continues at the “No answer” output.</p>
        </>
      ) : (
        <p className="text-xs text-zinc-500">Waits for the answer as long as it takes.</p>
      )}
    </div>
  );
}
