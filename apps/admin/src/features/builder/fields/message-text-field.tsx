"use client";

import type { Problem } from "@switchboard/flow";
import { Field } from "@/components/ui/field";
import { MessageTextarea } from "./message-textarea";
import { problemAt } from "./validation";

/** The step's message (or question) text, with template help and its problems. */
export function MessageTextField(props: {
  label: string;
  value: string;
  problems: Problem[];
  variables: string[];
  placeholder: string;
  rows: number;
  hint?: string;
  onChange: (text: string) => void;
}) {
  const error = problemAt(props.problems, "config.text");
  return (
    <Field
      label={props.label}
      htmlFor="step-text"
      error={error}
      warning={problemAt(props.problems, "config.text", "warning")}
      {...(props.hint ? { hint: props.hint } : {})}
    >
      <MessageTextarea
        id="step-text"
        data-testid="step-text"
        value={props.value}
        variables={props.variables}
        invalid={!!error}
        placeholder={props.placeholder}
        onChange={props.onChange}
        rows={props.rows}
      />
    </Field>
  );
}
