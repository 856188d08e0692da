"use client";

import { type FlowTemplate, TEMPLATE_PREVIEWS, type TemplatePreview } from "@switchboard/flow";
import { FlowIcon, SparklesIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";

/** The new-flow dialog's "Start from": blank or one of the templates, a card each. */
export function TemplateGallery({
  value,
  onChange,
}: {
  value: FlowTemplate;
  onChange: (template: FlowTemplate) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-xs font-medium text-zinc-700">Start from</legend>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4" data-testid="template-gallery">
        {TEMPLATE_PREVIEWS.map((t) => (
          <TemplateCard key={t.id} template={t} selected={value === t.id} onSelect={() => onChange(t.id)} />
        ))}
      </div>
    </fieldset>
  );
}

function TemplateCard({
  template,
  selected,
  onSelect,
}: {
  template: TemplatePreview;
  selected: boolean;
  onSelect: () => void;
}) {
  const blank = template.stepCount === 0;
  return (
    <label
      className={cn(
        "flex cursor-pointer flex-col rounded-lg p-3 ring-1 transition",
        selected ? "bg-brand-50 ring-2 ring-brand-500" : "ring-zinc-200 hover:bg-zinc-50",
      )}
      data-testid={`template-card-${template.id}`}
    >
      <input
        type="radio"
        name="template"
        value={template.id}
        checked={selected}
        onChange={onSelect}
        className="sr-only"
        data-testid={`template-${template.id}`}
      />
      <span className="flex items-center gap-1.5 text-sm font-medium text-zinc-900">
        {blank ? (
          <FlowIcon size={14} className="text-zinc-500" />
        ) : (
          <SparklesIcon size={14} className="text-brand-600" />
        )}
        {template.name}
      </span>
      <span className="mt-1 block flex-1 text-xs leading-snug text-zinc-500">{template.description}</span>
      {!blank && (
        <span className="mt-2 flex flex-wrap items-center gap-1 text-[10px] text-zinc-500">
          <span className="font-medium text-zinc-700" data-testid="template-step-count">
            {template.stepCount} steps
          </span>
          {template.stepKinds.map((kind) => (
            <span key={kind} className="rounded bg-zinc-100 px-1 py-px">
              {kind}
            </span>
          ))}
        </span>
      )}
    </label>
  );
}
