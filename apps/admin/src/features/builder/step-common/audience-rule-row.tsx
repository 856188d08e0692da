"use client";

import type { AudienceRule, CustomFieldDefinition, FieldOperator, Problem } from "@switchboard/flow";
import { Input, Select } from "@/components/ui/field";
import { TrashIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { customDefinition } from "../fields/field-ref";
import { FieldRefSelect } from "../fields/field-ref-select";
import { problemAt } from "../fields/validation";
import {
  needsValue,
  operatorLabel,
  operatorsFor,
  RULE_CHOICES,
  type RuleChoice,
  ruleChoiceOf,
  ruleError,
  ruleForChoice,
  withRuleField,
} from "./audience";

type FieldRule = Extract<AudienceRule, { kind: "field" }>;

/** One rule of a step's audience filter. */
export function AudienceRuleRow({
  rule,
  index,
  customFields,
  problems,
  onChange,
  onRemove,
}: {
  rule: AudienceRule;
  index: number;
  customFields: readonly CustomFieldDefinition[] | null;
  problems: Problem[];
  onChange: (rule: AudienceRule) => void;
  onRemove: () => void;
}) {
  const error = ruleError(rule) ?? problemAt(problems, `audience.rules.${index}`);
  return (
    <li
      className={cn("space-y-1.5 rounded-lg bg-zinc-50 p-2 ring-1", error ? "ring-red-200" : "ring-zinc-200")}
      data-testid={`audience-rule-${index}`}
    >
      <div className="flex items-center gap-1.5">
        <Select
          aria-label={`Rule ${index + 1}`}
          data-testid={`audience-rule-kind-${index}`}
          value={ruleChoiceOf(rule)}
          onChange={(e) => onChange(ruleForChoice(e.target.value as RuleChoice, rule))}
          className="h-8 flex-1 px-2 pr-6 text-xs"
        >
          {RULE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
        {rule.kind === "tag" && (
          <Input
            aria-label="Tag"
            data-testid={`audience-rule-tag-${index}`}
            value={rule.tag}
            maxLength={64}
            placeholder="tag"
            invalid={!rule.tag.trim()}
            onChange={(e) => onChange({ ...rule, tag: e.target.value })}
            className="h-8 flex-1 text-xs"
          />
        )}
        <button
          type="button"
          onClick={onRemove}
          className="rounded-md p-1.5 text-zinc-400 hover:bg-red-50 hover:text-red-600"
          aria-label={`Remove rule ${index + 1}`}
          data-testid={`audience-rule-remove-${index}`}
        >
          <TrashIcon size={14} />
        </button>
      </div>
      {rule.kind === "field" && (
        <FieldRuleInputs
          rule={rule}
          index={index}
          customFields={customFields}
          valueInvalid={!!problemAt(problems, `audience.rules.${index}.value`)}
          onChange={onChange}
        />
      )}
      {error && <p className="text-[11px] text-red-600 break-anywhere">{error}</p>}
    </li>
  );
}

function FieldRuleInputs({
  rule,
  index,
  customFields,
  valueInvalid,
  onChange,
}: {
  rule: FieldRule;
  index: number;
  customFields: readonly CustomFieldDefinition[] | null;
  valueInvalid: boolean;
  onChange: (rule: AudienceRule) => void;
}) {
  const definition = customDefinition(customFields, rule.field);
  return (
    <div className="space-y-1.5">
      <div className="flex gap-1.5">
        <FieldRefSelect
          aria-label="Field"
          data-testid={`audience-rule-field-${index}`}
          value={rule.field}
          customFields={customFields}
          onChange={(field) => onChange(withRuleField(rule, field, customFields))}
          className="h-8 flex-1 px-2 pr-6 text-xs"
        />
        <Select
          aria-label="Comparison"
          data-testid={`audience-rule-op-${index}`}
          value={rule.op}
          onChange={(e) => onChange({ ...rule, op: e.target.value as FieldOperator })}
          className="h-8 w-[132px] px-2 pr-6 text-xs"
        >
          {operatorsFor(definition).map((op) => (
            <option key={op} value={op}>
              {operatorLabel(op, definition)}
            </option>
          ))}
        </Select>
      </div>
      {needsValue(rule.op) &&
        (definition?.type === "choice" ? (
          <Select
            aria-label="Value"
            data-testid={`audience-rule-value-${index}`}
            value={rule.value}
            invalid={valueInvalid}
            onChange={(e) => onChange({ ...rule, value: e.target.value })}
            className="h-8 px-2 pr-6 text-xs"
          >
            <option value="">Choose…</option>
            {definition.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        ) : (
          <Input
            aria-label="Value"
            data-testid={`audience-rule-value-${index}`}
            type={definition?.type === "date" ? "date" : "text"}
            inputMode={definition?.type === "number" ? "decimal" : undefined}
            value={rule.value}
            maxLength={500}
            placeholder="value"
            invalid={valueInvalid}
            onChange={(e) => onChange({ ...rule, value: e.target.value })}
            className="h-8 text-xs"
          />
        ))}
    </div>
  );
}
