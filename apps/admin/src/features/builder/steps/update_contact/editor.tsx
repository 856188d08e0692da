"use client";

import { Field } from "@/components/ui/field";
import { customDefinition } from "../../fields/field-ref";
import { FieldRefSelect } from "../../fields/field-ref-select";
import { MessageTextField } from "../../fields/message-text-field";
import { MessageTextarea } from "../../fields/message-textarea";
import { SaveAsField } from "../../fields/save-as-field";
import { overlappingTags } from "../../fields/tags";
import { TagsInput } from "../../fields/tags-input";
import { TemplateInput } from "../../fields/template-input";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";
import { answerHint } from "./update-contact";

export function UpdateContactEditor({
  step,
  onChange,
  problems,
  variables,
  environment,
}: EditorProps<"update_contact">) {
  const config = step.config;
  const { customFields } = environment;
  const isPhone = config.field.kind === "contact" && config.field.key === "phone";
  const fieldError = problemAt(problems, "config.field");
  const shareError = problemAt(problems, "config.shareButtonLabel");
  const both = overlappingTags(config.addTags, config.removeTags);

  return (
    <div className="space-y-5">
      <Field
        label="Ask for"
        htmlFor="contact-field"
        error={fieldError}
        hint={answerHint(config.field, customDefinition(customFields, config.field))}
      >
        <FieldRefSelect
          id="contact-field"
          data-testid="contact-field"
          value={config.field}
          customFields={customFields}
          invalid={!!fieldError}
          onChange={(field) => onChange({ ...config, field })}
        />
      </Field>
      <MessageTextField
        label="Question"
        value={config.text}
        problems={problems}
        variables={variables}
        placeholder="Please share your phone number."
        rows={3}
        onChange={(text) => onChange({ ...config, text })}
      />
      {isPhone && (
        <Field
          label="Share-my-number button"
          htmlFor="share-button-label"
          error={shareError}
          hint="A keyboard button that sends the user's own number with one tap. Typed numbers work too."
        >
          <TemplateInput
            id="share-button-label"
            data-testid="share-button-label"
            value={config.shareButtonLabel}
            maxLength={64}
            invalid={!!shareError}
            variables={variables}
            onChange={(shareButtonLabel) => onChange({ ...config, shareButtonLabel })}
          />
        </Field>
      )}
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
      <Field
        label="After saving"
        htmlFor="confirm-text"
        hint="Sent once the answer is saved. Leave empty to send nothing."
      >
        <MessageTextarea
          id="confirm-text"
          data-testid="confirm-text"
          value={config.confirmText}
          variables={variables}
          placeholder="Thanks, got it!"
          onChange={(confirmText) => onChange({ ...config, confirmText })}
          rows={2}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Add tags" htmlFor="add-tags">
          <TagsInput
            id="add-tags"
            data-testid="add-tags"
            tone="green"
            value={config.addTags}
            onChange={(addTags) => onChange({ ...config, addTags })}
          />
        </Field>
        <Field label="Remove tags" htmlFor="remove-tags">
          <TagsInput
            id="remove-tags"
            data-testid="remove-tags"
            tone="red"
            value={config.removeTags}
            onChange={(removeTags) => onChange({ ...config, removeTags })}
          />
        </Field>
      </div>
      {both.length > 0 && (
        <p className="-mt-3 text-xs text-amber-700">
          {both.join(", ")} {both.length === 1 ? "is" : "are"} both added and removed; the contact keeps{" "}
          {both.length === 1 ? "it" : "them"}.
        </p>
      )}
      <SaveAsField
        config={config}
        onChange={onChange}
        label="Also save the answer as"
        hint="Optional: a variable for later steps, besides the contact's field."
        testId="update-contact-save-as"
      />
    </div>
  );
}
