"use client";

import { useState } from "react";
import { XIcon } from "@/components/ui/icons";
import { newTag } from "./contact-form";
import type { ContactUpdater } from "./use-contact-update";

/** The contact's tags: × removes one, typing a tag and Enter adds it. */
export function ContactTags({ tags, updater }: { tags: string[]; updater: ContactUpdater }) {
  const [input, setInput] = useState("");
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="contact-tags">
      {tags.map((tag) => (
        <span
          key={tag}
          className="inline-flex max-w-full items-center gap-1 rounded-full bg-zinc-100 py-0.5 pr-1 pl-2 text-xs text-zinc-700"
          data-testid="contact-tag"
        >
          <span className="truncate">{tag}</span>
          <button
            type="button"
            onClick={() => updater.removeTag(tag)}
            aria-label={`Remove the tag ${tag}`}
            className="rounded-full p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700"
          >
            <XIcon size={10} />
          </button>
        </span>
      ))}
      <input
        value={input}
        onChange={(e) => setInput(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") e.currentTarget.blur();
          if (e.key !== "Enter") return;
          e.preventDefault();
          const tag = newTag(input, tags);
          if (tag) updater.addTag(tag);
          setInput("");
        }}
        placeholder="+ tag"
        aria-label="Add a tag"
        maxLength={64}
        data-testid="contact-tag-input"
        className="h-6 w-20 min-w-0 flex-1 rounded border-0 bg-transparent px-1 text-xs text-zinc-700 placeholder:text-zinc-400 focus:bg-white focus:ring-1 focus:ring-brand-500 focus:outline-none"
      />
    </div>
  );
}
