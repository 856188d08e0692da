"use client";

import { VALIDATION_KINDS, type Validation } from "@switchboard/flow";
import { Field, Input, Select } from "@/components/ui/field";
import { MessageTextField } from "../../fields/message-text-field";
import { MessageTextarea } from "../../fields/message-textarea";
import { NumberInput } from "../../fields/number-input";
import { problemAt, variableNameError } from "../../fields/validation";
import type { EditorProps } from "../types";
import { patternError, rangeError, VALIDATION_LABELS, withBound, withKind } from "./validation";

export function FreeInputEditor({ step, onChange, problems, variables }: EditorProps<"free_input">) {
  const config = step.config;
  const v = config.validation;
  const varError = variableNameError(config.variable, true);
  const setValidation = (validation: Validation) => onChange({ ...config, validation });
  const pattern =
    v.kind === "regex"
      ? (patternError(v.pattern) ?? problemAt(problems, "config.validation.pattern"))
      : undefined;
  const range = rangeError(v);

  return (
    <div className="space-y-5">
      <MessageTextField
        label="Question"
        value={config.text}
        problems={problems}
        variables={variables}
        placeholder="What's your email?"
        rows={4}
        onChange={(text) => onChange({ ...config, text })}
      />
      <Field
        label="Save the answer as"
        htmlFor="free-input-variable"
        error={varError}
        hint={
          <span>
            Use it later as{" "}
            <code className="font-mono text-zinc-700">{`{{vars.${config.variable || "name"}}}`}</code>
          </span>
        }
      >
        <div className="flex items-center rounded-lg ring-0">
          <span className="rounded-l-lg bg-zinc-100 px-2.5 py-2 font-mono text-xs text-zinc-500 ring-1 ring-zinc-300 ring-inset">
            vars.
          </span>
          <Input
            id="free-input-variable"
            data-testid="free-input-variable"
            value={config.variable}
            maxLength={64}
            invalid={!!varError}
            onChange={(e) => onChange({ ...config, variable: e.target.value.trim() })}
            className="rounded-l-none rounded-r-lg font-mono text-xs"
          />
        </div>
      </Field>
      <Field label="Accept" htmlFor="validation-kind">
        <Select
          id="validation-kind"
          data-testid="validation-kind"
          value={v.kind}
          onChange={(e) => setValidation(withKind(v, e.target.value as Validation["kind"]))}
        >
          {VALIDATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {VALIDATION_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      {v.kind === "regex" && (
        <Field
          label="Pattern"
          htmlFor="validation-pattern"
          error={pattern}
          hint="Matched against the whole answer."
        >
          <Input
            id="validation-pattern"
            data-testid="validation-pattern"
            value={v.pattern ?? ""}
            maxLength={500}
            invalid={!!pattern}
            placeholder="^[A-Z]{3}\d{3}$"
            onChange={(e) => setValidation({ ...v, pattern: e.target.value })}
            className="font-mono text-xs"
          />
        </Field>
      )}
      {(v.kind === "text" || v.kind === "number") && (
        <div className="grid grid-cols-2 gap-3">
          <Field
            label={v.kind === "text" ? "Min length" : "Min value"}
            htmlFor="validation-min"
            error={range}
          >
            <NumberInput
              id="validation-min"
              data-testid="validation-min"
              value={v.min}
              placeholder="none"
              invalid={!!range}
              onChange={(min) => setValidation(withBound(v, "min", min))}
            />
          </Field>
          <Field label={v.kind === "text" ? "Max length" : "Max value"} htmlFor="validation-max">
            <NumberInput
              id="validation-max"
              data-testid="validation-max"
              value={v.max}
              placeholder="none"
              onChange={(max) => setValidation(withBound(v, "max", max))}
            />
          </Field>
        </div>
      )}
      {v.kind !== "any" && (
        <Field label="If the answer doesn't fit" htmlFor="retry-text" hint="Sent before asking again.">
          <MessageTextarea
            id="retry-text"
            data-testid="retry-text"
            value={config.retryText}
            variables={variables}
            onChange={(retryText) => onChange({ ...config, retryText })}
            rows={2}
          />
        </Field>
      )}
    </div>
  );
}
