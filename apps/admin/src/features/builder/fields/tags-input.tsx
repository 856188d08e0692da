"use client";

import { type KeyboardEvent, useState } from "react";
import { XIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { addTypedTags } from "./tags";

/** Tag chips: type and press Enter or comma to add; Backspace in the empty input removes the last. */
export function TagsInput({
  value,
  onChange,
  placeholder = "Add a tag…",
  tone = "zinc",
  id,
  ...rest
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  placeholder?: string;
  /** green for tags added, red for tags removed. */
  tone?: "zinc" | "green" | "red";
  id?: string;
  "data-testid"?: string;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  function commit() {
    if (!text.trim()) return;
    const result = addTypedTags(value, text);
    setError(result.error ?? null);
    if (result.tags.length !== value.length) onChange(result.tags);
    if (!result.error) setText("");
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      commit();
    } else if (e.key === "Backspace" && !text && value.length) onChange(value.slice(0, -1));
  }

  const chip = {
    zinc: "bg-zinc-100 text-zinc-700 ring-zinc-200",
    green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
    red: "bg-red-50 text-red-700 ring-red-200",
  }[tone];

  return (
    <div>
      <div className="flex min-h-9 flex-wrap items-center gap-1.5 rounded-lg bg-white px-2 py-1.5 shadow-sm ring-1 ring-zinc-300 ring-inset focus-within:ring-2 focus-within:ring-brand-500">
        {value.map((tag, i) => (
          <span
            key={`${tag}-${i}`}
            className={cn(
              "inline-flex max-w-full items-center gap-1 rounded-md py-0.5 pr-1 pl-2 text-xs ring-1",
              chip,
            )}
            data-testid="tag-chip"
          >
            <span className="truncate">{tag}</span>
            <button
              type="button"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              className="rounded p-0.5 opacity-60 hover:bg-black/5 hover:opacity-100"
              aria-label={`Remove tag ${tag}`}
            >
              <XIcon size={10} />
            </button>
          </span>
        ))}
        <input
          id={id}
          aria-label="Add a tag"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          placeholder={value.length ? "" : placeholder}
          className="min-w-12 flex-1 border-0 bg-transparent p-0 text-sm placeholder:text-zinc-400 focus:ring-0 focus:outline-none"
          {...rest}
        />
      </div>
      {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
    </div>
  );
}
