"use client";

import type { Button as FlowButton } from "@switchboard/flow";
import { Field, Select } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { newButtonId } from "@/lib/ids";
import { insertAfter } from "../../fields/list-items";
import { MessageTextField } from "../../fields/message-text-field";
import { MessageTextarea } from "../../fields/message-textarea";
import { SaveAsField } from "../../fields/save-as-field";
import { SegmentedControl } from "../../fields/segmented-control";
import { useFocusAdded } from "../../fields/use-focus-added";
import type { EditorProps } from "../types";
import { ButtonRow } from "./button-row";
import { moveItem } from "./buttons";

const MAX_BUTTONS = 100;

const KEYBOARD_OPTIONS = [
  { value: "inline", label: "Inline", hint: "Buttons under the message" },
  { value: "reply", label: "Reply keyboard", hint: "Buttons replace the keyboard" },
] as const;

export function ButtonsEditor({ step, onChange, problems, variables }: EditorProps<"buttons">) {
  const config = step.config;
  const setButtons = (buttons: FlowButton[]) => onChange({ ...config, buttons });
  const updateButton = (index: number, next: FlowButton) =>
    setButtons(config.buttons.map((b, i) => (i === index ? next : b)));
  const move = (index: number, delta: number) => {
    const next = moveItem(config.buttons, index, delta);
    if (next !== config.buttons) setButtons(next);
  };
  const noButtons = problems.find((p) => p.code === "NO_BUTTONS")?.message;
  const { markAdded, focusIfAdded } = useFocusAdded();
  /** Adds a button after `index` (at the end by default) and focuses its label. */
  const addButton = (index = config.buttons.length - 1) => {
    if (config.buttons.length >= MAX_BUTTONS) return;
    const id = newButtonId();
    markAdded(id);
    setButtons(
      insertAfter(config.buttons, index, {
        id,
        kind: "goto",
        label: `Option ${config.buttons.length + 1}`,
      }),
    );
  };

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
        <SegmentedControl
          value={config.keyboard}
          options={KEYBOARD_OPTIONS}
          onChange={(keyboard) => onChange({ ...config, keyboard })}
          testId="keyboard-kind"
          optionTestIdPrefix="keyboard-"
        />
      </Field>

      <div className="space-y-2">
        <div className="flex items-center justify-between">
          <span className="text-xs font-medium text-zinc-700">Buttons</span>
          <span className="text-[11px] text-zinc-400">
            {config.buttons.length} / {MAX_BUTTONS}
          </span>
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
          {config.buttons.map((b, i) => (
            <ButtonRow
              key={b.id}
              button={b}
              index={i}
              count={config.buttons.length}
              problems={problems}
              variables={variables}
              onChange={(next) => updateButton(i, next)}
              onMove={(delta) => move(i, delta)}
              onRemove={() => setButtons(config.buttons.filter((_, j) => j !== i))}
              onAddNext={() => addButton(i)}
              labelRef={focusIfAdded(b.id)}
            />
          ))}
        </ul>
        <button
          type="button"
          data-testid="add-button"
          disabled={config.buttons.length >= MAX_BUTTONS}
          onClick={() => addButton()}
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
        <SaveAsField config={config} onChange={onChange} label="Save answer as" testId="buttons-save-as" />
      </div>

      <Field
        label="If the user types instead of tapping"
        htmlFor="retry-text"
        hint="Sent when the answer isn't one of the buttons. Leave empty to ignore silently."
      >
        <MessageTextarea
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
