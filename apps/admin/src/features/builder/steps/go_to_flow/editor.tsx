"use client";

import Link from "next/link";
import { Field, Select } from "@/components/ui/field";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";
import { flowOptions, stepOptions } from "./go-to-flow";

export function GoToFlowEditor({ step, onChange, problems, environment }: EditorProps<"go_to_flow">) {
  const config = step.config;
  const flowError = problemAt(problems, "config.flowId");
  const stepError = problemAt(problems, "config.stepId");
  return (
    <div className="space-y-5">
      <Field label="Continue in flow" htmlFor="goto-flow" error={flowError}>
        <Select
          id="goto-flow"
          data-testid="goto-flow"
          value={config.flowId}
          invalid={!!flowError}
          onChange={(e) => onChange({ flowId: e.target.value, stepId: null })}
        >
          {flowOptions(environment.flows, config.flowId).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="At step"
        htmlFor="goto-step"
        error={stepError}
        hint="The steps of the flow's published version."
      >
        <Select
          id="goto-step"
          data-testid="goto-step"
          value={config.stepId ?? ""}
          invalid={!!stepError}
          disabled={!config.flowId}
          onChange={(e) => onChange({ ...config, stepId: e.target.value || null })}
        >
          {stepOptions(environment.flows, config).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {config.flowId && (
        <Link
          href={`/flows/${config.flowId}`}
          target="_blank"
          className="text-xs font-medium text-brand-700 hover:underline"
          data-testid="goto-open-flow"
        >
          Open that flow ↗
        </Link>
      )}
      <p className="text-xs text-zinc-500">
        Variables carry over. The flow's live version is used when a conversation gets here, so publishing it
        later is picked up. If it is unpublished or deleted by then, the conversation ends here (see the bot's
        log).
      </p>
    </div>
  );
}
