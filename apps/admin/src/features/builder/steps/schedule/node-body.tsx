"use client";

import { CalendarIcon } from "../../builder-icons";
import { NodeText } from "../../node-parts";
import { runsOfStep, scheduleTimeZone } from "../../workspace-environment";
import type { NodeBodyProps } from "../types";
import { scheduleDisplay } from "./schedule-display";
import { ScheduleStatus } from "./schedule-status";

export function ScheduleNodeBody({ step, environment }: NodeBodyProps<"schedule">) {
  const display = scheduleDisplay(
    step.config,
    runsOfStep(environment, step.id),
    new Date(),
    scheduleTimeZone(environment),
  );
  return (
    <>
      <NodeText text={step.config.text} />
      <div
        className="mt-1.5 space-y-0.5 rounded-md bg-indigo-50/60 px-2 py-1.5 ring-1 ring-indigo-100"
        data-testid="node-schedule"
      >
        <p className="flex items-center gap-1 text-[11px] font-medium text-indigo-700">
          <CalendarIcon size={11} className="shrink-0" />
          {display.valid ? display.repeat : "No start time yet"}
        </p>
        {display.valid && <ScheduleStatus display={display} compact />}
      </div>
    </>
  );
}
