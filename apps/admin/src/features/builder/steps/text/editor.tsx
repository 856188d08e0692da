"use client";

import { MessageTextField } from "../../fields/message-text-field";
import type { EditorProps } from "../types";

export function TextEditor({ step, onChange, problems, variables }: EditorProps<"text">) {
  return (
    <MessageTextField
      label="Message"
      value={step.config.text}
      problems={problems}
      variables={variables}
      placeholder="Hi {{name}}! 👋 Welcome aboard."
      hint="Use {{name}} or {{vars.answer}} to personalize."
      rows={6}
      onChange={(text) => onChange({ ...step.config, text })}
    />
  );
}
