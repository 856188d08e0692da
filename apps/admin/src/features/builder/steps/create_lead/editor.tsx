"use client";

import { Field, Select } from "@/components/ui/field";
import { MessageTextField } from "../../fields/message-text-field";
import { TagsInput } from "../../fields/tags-input";
import { TemplateInput } from "../../fields/template-input";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";
import { ownerFromValue, ownerOptions, ownerValue, stageOptions } from "./create-lead";

export function CreateLeadEditor({
  step,
  onChange,
  problems,
  variables,
  environment,
}: EditorProps<"create_lead">) {
  const config = step.config;
  const titleError = !config.title.trim() ? "Give the lead a title." : problemAt(problems, "config.title");
  const ownerError = problemAt(problems, "config.owner");
  const stageError = problemAt(problems, "config.stageId");

  return (
    <div className="space-y-5">
      <Field
        label="Lead title"
        htmlFor="lead-title"
        error={titleError}
        hint={
          <span>
            Templates work, e.g. <code className="font-mono text-zinc-700">{"{{name}}"}</code> or{" "}
            <code className="font-mono text-zinc-700">{"{{vars.product}}"}</code>.
          </span>
        }
      >
        <TemplateInput
          id="lead-title"
          data-testid="lead-title"
          value={config.title}
          maxLength={200}
          invalid={!!titleError}
          placeholder='Lead from {{name | "Telegram"}}'
          variables={variables}
          onChange={(title) => onChange({ ...config, title })}
        />
      </Field>
      <Field label="Owner" htmlFor="lead-owner" error={ownerError}>
        <Select
          id="lead-owner"
          data-testid="lead-owner"
          value={ownerValue(config.owner)}
          invalid={!!ownerError}
          onChange={(e) => onChange({ ...config, owner: ownerFromValue(e.target.value) })}
        >
          {ownerOptions(environment.members, config.owner).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Pipeline stage" htmlFor="lead-stage" error={stageError}>
        <Select
          id="lead-stage"
          data-testid="lead-stage"
          value={config.stageId ?? ""}
          invalid={!!stageError}
          onChange={(e) => onChange({ ...config, stageId: e.target.value || null })}
        >
          {stageOptions(environment.stages, config.stageId).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Tags" htmlFor="lead-tags" hint="Added to the lead.">
        <TagsInput
          id="lead-tags"
          data-testid="lead-tags"
          value={config.tags}
          onChange={(tags) => onChange({ ...config, tags })}
        />
      </Field>
      <MessageTextField
        label="Then send"
        value={config.text}
        problems={problems}
        variables={variables}
        placeholder="Thanks! Our team will get in touch soon."
        hint="Sent after the lead is created, unless the bot's “Send the Create-lead text” setting is off. Empty: nothing is sent."
        rows={3}
        onChange={(text) => onChange({ ...config, text })}
      />
      <p className="text-xs text-zinc-500">The conversation so far is attached to the lead.</p>
    </div>
  );
}
