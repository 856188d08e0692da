"use client";

import { Field } from "@/components/ui/field";
import { DurationInput } from "../../fields/duration-input";
import { MessageTextField } from "../../fields/message-text-field";
import { MessageTextarea } from "../../fields/message-textarea";
import { TemplateInput } from "../../fields/template-input";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";

export function LoginEditor({ step, onChange, problems, variables }: EditorProps<"login">) {
  const config = step.config;
  const labelError = problemAt(problems, "config.buttonLabel");
  return (
    <div className="space-y-5">
      <MessageTextField
        label="Message"
        value={config.text}
        problems={problems}
        variables={variables}
        placeholder="Log in with your account to continue."
        rows={3}
        onChange={(text) => onChange({ ...config, text })}
      />
      <Field
        label="Login button"
        htmlFor="login-button-label"
        error={labelError}
        hint="Opens Switchboard, where a member of this workspace signs in and confirms."
      >
        <TemplateInput
          id="login-button-label"
          data-testid="login-button-label"
          value={config.buttonLabel}
          maxLength={64}
          invalid={!!labelError}
          variables={variables}
          onChange={(buttonLabel) => onChange({ ...config, buttonLabel })}
        />
      </Field>
      <Field
        label="When logged in"
        htmlFor="login-success-text"
        hint="Then the conversation continues at “Logged in”."
      >
        <MessageTextarea
          id="login-success-text"
          data-testid="login-success-text"
          value={config.successText}
          variables={variables}
          onChange={(successText) => onChange({ ...config, successText })}
          rows={2}
        />
      </Field>
      <Field
        label="When refused or too late"
        htmlFor="login-failure-text"
        hint="Then the conversation continues at “Failed or timed out”."
      >
        <MessageTextarea
          id="login-failure-text"
          data-testid="login-failure-text"
          value={config.failureText}
          variables={variables}
          onChange={(failureText) => onChange({ ...config, failureText })}
          rows={2}
        />
      </Field>
      <Field label="The link works for" htmlFor="login-timeout">
        <DurationInput
          id="login-timeout"
          testId="login-timeout"
          value={config.timeout}
          onChange={(timeout) => onChange({ ...config, timeout })}
        />
      </Field>
    </div>
  );
}
