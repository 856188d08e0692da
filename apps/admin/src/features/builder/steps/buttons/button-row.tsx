"use client";

import type { Button as FlowButton, Problem } from "@switchboard/flow";
import { Input, Select } from "@/components/ui/field";
import { ChevronDownIcon, ChevronUpIcon, LinkIcon, TrashIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { TemplateInput } from "../../fields/template-input";
import { isAddNextKey } from "../../fields/use-focus-added";
import { buttonErrors } from "./buttons";

/** One button of a Buttons step: order, label, action (go to a step or open a link), link. */
export function ButtonRow({
  button: b,
  index: i,
  count,
  problems,
  variables,
  onChange,
  onMove,
  onRemove,
  onAddNext,
  labelRef,
}: {
  button: FlowButton;
  index: number;
  count: number;
  problems: Problem[];
  /** `vars.*` written upstream, for the label's variable picker. */
  variables: string[];
  onChange: (next: FlowButton) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  /** Enter in the label: add the next button. */
  onAddNext: () => void;
  labelRef: (el: HTMLInputElement | null) => void;
}) {
  const { labelError, urlError, error } = buttonErrors(b, i, problems);
  return (
    <li
      className={cn("rounded-lg bg-zinc-50 p-2 ring-1", error ? "ring-red-200" : "ring-zinc-200")}
      data-testid={`button-row-${i}`}
    >
      <div className="flex items-center gap-1.5">
        <div className="flex flex-col">
          <button
            type="button"
            onClick={() => onMove(-1)}
            disabled={i === 0}
            className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 disabled:opacity-30"
            aria-label="Move up"
            data-testid={`button-up-${i}`}
          >
            <ChevronUpIcon size={12} />
          </button>
          <button
            type="button"
            onClick={() => onMove(1)}
            disabled={i === count - 1}
            className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 disabled:opacity-30"
            aria-label="Move down"
            data-testid={`button-down-${i}`}
          >
            <ChevronDownIcon size={12} />
          </button>
        </div>
        <div className="min-w-0 flex-1">
          <TemplateInput
            data-testid={`button-label-${i}`}
            aria-label={`Button ${i + 1} label`}
            value={b.label}
            maxLength={128}
            placeholder={`Button ${i + 1}`}
            invalid={!!labelError}
            variables={variables}
            onChange={(label) => onChange({ ...b, label })}
            inputRef={labelRef}
            onKeyDown={(e) => {
              if (!isAddNextKey(e)) return;
              e.preventDefault();
              onAddNext();
            }}
            className="h-8"
          />
        </div>
        <div className="w-[118px] shrink-0">
          <Select
            aria-label={`Button ${i + 1} action`}
            data-testid={`button-kind-${i}`}
            value={b.kind}
            onChange={(e) =>
              onChange(
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
          onClick={onRemove}
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
              invalid={!!urlError}
              onChange={(e) => onChange({ ...b, url: e.target.value })}
              className="h-8 font-mono text-xs"
            />
          </div>
        </div>
      )}
      {error && <p className="mt-1 pl-6 text-[11px] text-red-600 break-anywhere">{error}</p>}
      {!error && b.kind === "goto" && problems.some((p) => p.path === `button:${b.id}`) && (
        <p className="mt-1 pl-6 text-[11px] text-amber-700">Connect this button to a step on the canvas.</p>
      )}
    </li>
  );
}
