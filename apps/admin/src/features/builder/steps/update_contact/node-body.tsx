"use client";

import { cn } from "@/lib/cn";
import { TagIcon } from "../../builder-icons";
import { customDefinition, fieldRefLabel } from "../../fields/field-ref";
import { NodeText } from "../../node-parts";
import type { NodeBodyProps } from "../types";
import { tagChanges } from "./update-contact";

export function UpdateContactNodeBody({ step, environment }: NodeBodyProps<"update_contact">) {
  const { field, addTags, removeTags, saveAs } = step.config;
  const tags = tagChanges(addTags, removeTags);
  const { customFields } = environment;
  const missing = field.kind === "custom" && !!customFields && !customDefinition(customFields, field);
  return (
    <>
      <NodeText text={step.config.text} />
      <p
        className={cn("mt-1.5 truncate text-[11px] font-medium", missing ? "text-red-600" : "text-teal-700")}
        data-testid="node-contact-field"
      >
        → {fieldRefLabel(customFields, field)}
        {missing && " (missing field)"}
        {saveAs && <span className="ml-1 font-mono font-normal text-zinc-400">{`{{vars.${saveAs}}}`}</span>}
      </p>
      {tags && (
        <p className="mt-0.5 flex items-center gap-1 truncate text-[11px] text-zinc-500" title={tags}>
          <TagIcon size={10} className="shrink-0 text-zinc-400" />
          <span className="truncate">{tags}</span>
        </p>
      )}
    </>
  );
}
