"use client";

import { TagIcon } from "../../builder-icons";
import { fieldRefLabel } from "../../fields/field-ref";
import { NodeText } from "../../node-parts";
import type { NodeBodyProps } from "../types";
import { tagChanges } from "./update-contact";

export function UpdateContactNodeBody({ step, environment }: NodeBodyProps<"update_contact">) {
  const { field, addTags, removeTags, saveAs } = step.config;
  const tags = tagChanges(addTags, removeTags);
  return (
    <>
      <NodeText text={step.config.text} />
      <p className="mt-1.5 truncate text-[11px] font-medium text-teal-700" data-testid="node-contact-field">
        → {fieldRefLabel(environment.customFields, field)}
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
