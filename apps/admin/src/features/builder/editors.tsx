"use client";

import {
  compilePattern,
  type Button as FlowButton,
  type Problem,
  type StepOf,
  type StepType,
  VALIDATION_KINDS,
  type Validation,
} from "@switchboard/flow";
import type { ComponentType } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { ChevronDownIcon, ChevronUpIcon, LinkIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { newButtonId } from "@/lib/ids";
import { TemplateTextarea } from "./template-textarea";

export interface EditorProps<T extends StepType> {
  step: StepOf<T>;
  onChange: (config: StepOf<T>["config"]) => void;
  /** This step's compile problems, for messages next to the fields they are about. */
  problems: Problem[];
  /** Variables some step of the flow collects (`vars.*`). */
  variables: string[];
}

const VARIABLE_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function variableNameError(name: string, required: boolean): string | undefined {
  if (!name) return required ? "A variable name is required." : undefined;
  if (name.length > 64) return "Use at most 64 characters.";
  if (!VARIABLE_RE.test(name)) return "Start with a letter; use only letters, digits and _ (no spaces).";
  return undefined;
}

/** The message of the first problem about `path` (or something inside it). */
function problemAt(
  problems: Problem[],
  path: string,
  severity: Problem["severity"] = "error",
): string | undefined {
  return problems.find((p) => p.severity === severity && (p.path === path || p.path?.startsWith(`${path}.`)))
    ?.message;
}

function urlError(url: string): string | undefined {
  if (!url.trim()) return "Enter the link this button opens.";
  try {
    const u = new URL(url);
    if (!["http:", "https:", "tg:"].includes(u.protocol)) return "Use an http(s):// or tg:// link.";
    return undefined;
  } catch {
    return "Enter a full link, e.g. https://example.com";
  }
}

/** The step's message (or question) text, with template help and its problems. */
function MessageTextField(props: {
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
      <TemplateTextarea
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

function TextEditor({ step, onChange, problems, variables }: EditorProps<"text">) {
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

function SegmentedKeyboard({
  value,
  onChange,
}: {
  value: "inline" | "reply";
  onChange: (v: "inline" | "reply") => void;
}) {
  const options = [
    { value: "inline", label: "Inline", hint: "Buttons under the message" },
    { value: "reply", label: "Reply keyboard", hint: "Buttons replace the keyboard" },
  ] as const;
  return (
    <div
      className="grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1"
      role="radiogroup"
      data-testid="keyboard-kind"
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          title={o.hint}
          data-testid={`keyboard-${o.value}`}
          onClick={() => onChange(o.value)}
          className={cn(
            "rounded-md px-2 py-1.5 text-xs font-medium transition",
            value === o.value ? "bg-white text-zinc-900 shadow-sm" : "text-zinc-500 hover:text-zinc-800",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

function ButtonsEditor({ step, onChange, problems, variables }: EditorProps<"buttons">) {
  const config = step.config;
  const setButtons = (buttons: FlowButton[]) => onChange({ ...config, buttons });
  const updateButton = (index: number, next: FlowButton) =>
    setButtons(config.buttons.map((b, i) => (i === index ? next : b)));
  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= config.buttons.length) return;
    const next = [...config.buttons];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setButtons(next);
  };
  const saveAsError = variableNameError(config.saveAs ?? "", false);
  const noButtons = problems.find((p) => p.code === "NO_BUTTONS")?.message;

  return (
    <div className="space-y-5">
      <MessageTextField
        label="Question"
        value={config.text}
        problems={problems}
        variables={variables}
        placeholder="What would you like to do?"
        rows={4}
        onChange={(text) => onChange({ ...config, text })}
      />

      <Field label="Show buttons as">
        <SegmentedKeyboard
          value={config.keyboard}
          onChange={(keyboard) => onChange({ ...config, keyboard })}
        />
      </Field>

      <div className="space-y-2">
        <div className="flex items-center justify-between">
          <span className="text-xs font-medium text-zinc-700">Buttons</span>
          <span className="text-[11px] text-zinc-400">{config.buttons.length} / 100</span>
        </div>
        {config.buttons.length === 0 && (
          <p
            className={cn(
              "rounded-lg border border-dashed px-3 py-3 text-center text-xs",
              noButtons ? "border-red-300 text-red-600" : "border-zinc-300 text-zinc-500",
            )}
          >
            {noButtons ?? "No buttons yet."}
          </p>
        )}
        <ul className="space-y-2">
          {config.buttons.map((b, i) => {
            const path = `config.buttons.${i}`;
            const problem = problemAt(problems, path);
            const localUrlError = b.kind === "url" ? urlError(b.url) : undefined;
            const labelError = !b.label.trim() ? "Give the button a label." : undefined;
            const error = labelError ?? localUrlError ?? problem;
            return (
              <li
                key={b.id}
                className={cn("rounded-lg bg-zinc-50 p-2 ring-1", error ? "ring-red-200" : "ring-zinc-200")}
                data-testid={`button-row-${i}`}
              >
                <div className="flex items-center gap-1.5">
                  <div className="flex flex-col">
                    <button
                      type="button"
                      onClick={() => move(i, -1)}
                      disabled={i === 0}
                      className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 disabled:opacity-30"
                      aria-label="Move up"
                      data-testid={`button-up-${i}`}
                    >
                      <ChevronUpIcon size={12} />
                    </button>
                    <button
                      type="button"
                      onClick={() => move(i, 1)}
                      disabled={i === config.buttons.length - 1}
                      className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 disabled:opacity-30"
                      aria-label="Move down"
                      data-testid={`button-down-${i}`}
                    >
                      <ChevronDownIcon size={12} />
                    </button>
                  </div>
                  <div className="min-w-0 flex-1">
                    <Input
                      data-testid={`button-label-${i}`}
                      aria-label={`Button ${i + 1} label`}
                      value={b.label}
                      maxLength={128}
                      placeholder={`Button ${i + 1}`}
                      invalid={!!labelError}
                      onChange={(e) => updateButton(i, { ...b, label: e.target.value })}
                      className="h-8"
                    />
                  </div>
                  <div className="w-[118px] shrink-0">
                    <Select
                      aria-label={`Button ${i + 1} action`}
                      data-testid={`button-kind-${i}`}
                      value={b.kind}
                      onChange={(e) =>
                        updateButton(
                          i,
                          e.target.value === "url"
                            ? { id: b.id, kind: "url", label: b.label, url: "https://" }
                            : { id: b.id, kind: "goto", label: b.label },
                        )
                      }
                      className="h-8 px-2 pr-6 text-xs"
                    >
                      <option value="goto">Go to step</option>
                      <option value="url">Open link</option>
                    </Select>
                  </div>
                  <button
                    type="button"
                    onClick={() => setButtons(config.buttons.filter((_, j) => j !== i))}
                    className="rounded-md p-1.5 text-zinc-400 hover:bg-red-50 hover:text-red-600"
                    aria-label={`Remove button ${i + 1}`}
                    data-testid={`button-remove-${i}`}
                  >
                    <TrashIcon size={14} />
                  </button>
                </div>
                {b.kind === "url" && (
                  <div className="mt-1.5 flex items-center gap-1.5 pl-6">
                    <LinkIcon size={12} className="shrink-0 text-zinc-400" />
                    <div className="min-w-0 flex-1">
                      <Input
                        data-testid={`button-url-${i}`}
                        aria-label={`Button ${i + 1} link`}
                        value={b.url}
                        maxLength={2048}
                        placeholder="https://example.com"
                        invalid={!!localUrlError}
                        onChange={(e) => updateButton(i, { ...b, url: e.target.value })}
                        className="h-8 font-mono text-xs"
                      />
                    </div>
                  </div>
                )}
                {error && <p className="mt-1 pl-6 text-[11px] text-red-600 break-anywhere">{error}</p>}
                {!error && b.kind === "goto" && problems.some((p) => p.path === `button:${b.id}`) && (
                  <p className="mt-1 pl-6 text-[11px] text-amber-700">
                    Connect this button to a step on the canvas.
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          data-testid="add-button"
          disabled={config.buttons.length >= 100}
          onClick={() =>
            setButtons([
              ...config.buttons,
              { id: newButtonId(), kind: "goto", label: `Option ${config.buttons.length + 1}` },
            ])
          }
          className="flex w-full items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 py-2 text-xs font-medium text-zinc-600 transition hover:border-brand-400 hover:bg-brand-50 hover:text-brand-700 disabled:opacity-40"
        >
          <PlusIcon size={14} /> Add button
        </button>
      </div>

      <div className="grid grid-cols-2 gap-3">
        <Field label="Buttons per row" htmlFor="columns">
          <Select
            id="columns"
            data-testid="button-columns"
            value={config.columns}
            onChange={(e) => onChange({ ...config, columns: Number(e.target.value) })}
          >
            {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Save answer as" htmlFor="save-as" error={saveAsError}>
          <Input
            id="save-as"
            data-testid="buttons-save-as"
            value={config.saveAs ?? ""}
            placeholder="optional"
            maxLength={64}
            invalid={!!saveAsError}
            onChange={(e) => {
              const saveAs = e.target.value.trim();
              const { saveAs: _old, ...rest } = config;
              onChange(saveAs ? { ...rest, saveAs } : rest);
            }}
            className="font-mono text-xs"
          />
        </Field>
      </div>

      <Field
        label="If the user types instead of tapping"
        htmlFor="retry-text"
        hint="Sent when the answer isn't one of the buttons. Leave empty to ignore silently."
      >
        <TemplateTextarea
          id="retry-text"
          data-testid="retry-text"
          value={config.retryText}
          variables={variables}
          onChange={(retryText) => onChange({ ...config, retryText })}
          rows={2}
        />
      </Field>
    </div>
  );
}

const VALIDATION_LABELS: Record<(typeof VALIDATION_KINDS)[number], string> = {
  any: "Anything",
  text: "Text (length limits)",
  number: "Number",
  email: "Email address",
  phone: "Phone number",
  date: "Date",
  regex: "Custom pattern (regex)",
};

/** The same check as the compiler's (RE2 syntax), so the form never accepts what publish refuses. */
function patternError(pattern: string | undefined): string | undefined {
  if (!pattern) return "Enter a regular expression, e.g. [A-Z]{3}\\d{3}";
  return compilePattern(pattern)
    ? undefined
    : "Not a valid pattern (RE2 syntax: no backreferences or lookarounds, no huge repeats).";
}

function NumberInput({
  value,
  onChange,
  ...rest
}: {
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  id?: string;
  placeholder?: string;
  invalid?: boolean;
  "data-testid"?: string;
}) {
  return (
    <Input
      type="number"
      inputMode="decimal"
      value={value ?? ""}
      onChange={(e) => {
        const raw = e.target.value;
        const n = Number(raw);
        onChange(raw === "" || !Number.isFinite(n) ? undefined : n);
      }}
      {...rest}
    />
  );
}

function FreeInputEditor({ step, onChange, problems, variables }: EditorProps<"free_input">) {
  const config = step.config;
  const v = config.validation;
  const varError = variableNameError(config.variable, true);
  const setValidation = (validation: Validation) => onChange({ ...config, validation });
  const pattern =
    v.kind === "regex"
      ? (patternError(v.pattern) ?? problemAt(problems, "config.validation.pattern"))
      : undefined;
  const rangeError =
    v.min !== undefined && v.max !== undefined && v.min > v.max
      ? "The minimum is larger than the maximum."
      : undefined;

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
          onChange={(e) => {
            const kind = e.target.value as Validation["kind"];
            setValidation(kind === "regex" ? { kind, pattern: v.pattern ?? "" } : { kind });
          }}
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
            error={rangeError}
          >
            <NumberInput
              id="validation-min"
              data-testid="validation-min"
              value={v.min}
              placeholder="none"
              invalid={!!rangeError}
              onChange={(min) => {
                const { min: _m, ...rest } = v;
                setValidation(min === undefined ? rest : { ...rest, min });
              }}
            />
          </Field>
          <Field label={v.kind === "text" ? "Max length" : "Max value"} htmlFor="validation-max">
            <NumberInput
              id="validation-max"
              data-testid="validation-max"
              value={v.max}
              placeholder="none"
              onChange={(max) => {
                const { max: _m, ...rest } = v;
                setValidation(max === undefined ? rest : { ...rest, max });
              }}
            />
          </Field>
        </div>
      )}
      {v.kind !== "any" && (
        <Field label="If the answer doesn't fit" htmlFor="retry-text" hint="Sent before asking again.">
          <TemplateTextarea
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

/** One editor per step type: adding a step type fails to compile until its editor exists. */
export const stepEditors: { [T in StepType]: ComponentType<EditorProps<T>> } = {
  text: TextEditor,
  buttons: ButtonsEditor,
  free_input: FreeInputEditor,
};
