"use client";

import type { Audience, CustomFieldDefinition, Problem } from "@switchboard/flow";
import { PlusIcon } from "@/components/ui/icons";
import { SegmentedControl } from "../fields/segmented-control";
import { useFocusLastItem } from "../fields/use-focus-added";
import { withRule } from "./audience";
import { AudienceRuleRow } from "./audience-rule-row";
import { SectionLabel } from "./section-label";

const MAX_RULES = 20;
const MATCH_OPTIONS = [
  { value: "all", label: "All rules match" },
  { value: "any", label: "Any rule matches" },
] as const;

/** A step's audience filter: who the step is for. Others skip it and continue at "Not in audience". */
export function AudienceEditor({
  audience,
  customFields,
  problems,
  onChange,
}: {
  audience: Audience | undefined;
  customFields: readonly CustomFieldDefinition[] | null;
  problems: Problem[];
  onChange: (audience: Audience | undefined) => void;
}) {
  const rules = audience?.rules ?? [];
  const { listRef, focusLastItem } = useFocusLastItem<HTMLUListElement>();
  return (
    <div className="space-y-2" data-testid="audience-editor">
      <SectionLabel
        label="Audience"
        info="Who this step is for. Contacts that don't match skip it and continue at the step's “Not in audience” output."
        aside={rules.length === 0 ? <span className="text-[11px] text-zinc-400">Everyone</span> : undefined}
      />
      {audience && rules.length > 1 && (
        <SegmentedControl
          value={audience.match}
          options={MATCH_OPTIONS}
          onChange={(match) => onChange({ ...audience, match })}
          testId="audience-match"
          optionTestIdPrefix="audience-match-"
        />
      )}
      {rules.length > 0 && (
        <ul className="space-y-2" ref={listRef}>
          {rules.map((rule, i) => (
            <AudienceRuleRow
              key={i}
              rule={rule}
              index={i}
              customFields={customFields}
              problems={problems}
              onChange={(next) => onChange(withRule(audience, i, next))}
              onRemove={() => onChange(withRule(audience, i, null))}
            />
          ))}
        </ul>
      )}
      <button
        type="button"
        data-testid="audience-add-rule"
        disabled={rules.length >= MAX_RULES}
        onClick={() => {
          onChange(withRule(audience, rules.length, { kind: "tag", op: "has", tag: "" }));
          focusLastItem();
        }}
        className="flex w-full items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 py-2 text-xs font-medium text-zinc-600 transition hover:border-brand-400 hover:bg-brand-50 hover:text-brand-700 disabled:opacity-40"
      >
        <PlusIcon size={14} /> {rules.length ? "Add a rule" : "Limit who this step is for"}
      </button>
      {rules.length > 0 && (
        <p className="text-xs text-zinc-500">
          Others continue at <span className="font-medium text-zinc-700">Not in audience</span> on the canvas.
        </p>
      )}
    </div>
  );
}
