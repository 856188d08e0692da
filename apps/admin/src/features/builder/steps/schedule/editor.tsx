"use client";

import { Field, Input } from "@/components/ui/field";
import { MessageTextField } from "../../fields/message-text-field";
import { problemAt } from "../../fields/validation";
import { runsOfStep, scheduleTimeZone } from "../../workspace-environment";
import type { EditorProps } from "../types";
import { RepeatFields } from "./repeat-fields";
import { scheduleDisplay } from "./schedule-display";
import { ScheduleStatus } from "./schedule-status";

export function ScheduleEditor({
  step,
  onChange,
  problems,
  variables,
  environment,
}: EditorProps<"schedule">) {
  const config = step.config;
  const timeZone = scheduleTimeZone(environment);
  const display = scheduleDisplay(config, runsOfStep(environment, step.id), new Date(), timeZone);
  const startError = problemAt(problems, "config.startAt");

  return (
    <div className="space-y-5">
      <p className="rounded-lg bg-indigo-50/60 p-3 text-xs leading-relaxed text-zinc-600 ring-1 ring-indigo-100">
        Conversations that reach this step wait here. Each run sends the message to all of them and moves them
        on to the next step.
      </p>
      <MessageTextField
        label="Message"
        value={config.text}
        problems={problems}
        variables={variables}
        placeholder="Good morning! Here's today's offer…"
        rows={4}
        onChange={(text) => onChange({ ...config, text })}
      />
      <Field
        label="First run"
        htmlFor="schedule-start"
        error={startError}
        hint={
          <span>
            In the workspace's time zone: <span className="font-medium text-zinc-700">{timeZone}</span>
            {!environment.timeZone && " (your browser's, until the workspace's is loaded)"}
          </span>
        }
      >
        <Input
          id="schedule-start"
          data-testid="schedule-start"
          type="datetime-local"
          value={config.startAt}
          invalid={!!startError}
          onChange={(e) => onChange({ ...config, startAt: e.target.value.slice(0, 16) })}
        />
      </Field>
      <Field label="Repeat">
        <RepeatFields
          repeat={config.repeat}
          startAt={config.startAt}
          daysError={problemAt(problems, "config.repeat.days")}
          onChange={(repeat) => onChange({ ...config, repeat })}
        />
      </Field>
      <div className="rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200" data-testid="schedule-status">
        <p className="mb-1 text-xs font-medium text-zinc-700">{display.valid ? display.repeat : "Runs"}</p>
        <ScheduleStatus display={display} />
      </div>
    </div>
  );
}
