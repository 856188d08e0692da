"use client";

import { type KeyboardEvent, useState } from "react";
import { XIcon } from "@/components/ui/icons";

/** Chips for a step's aliases: type and press Enter or comma to add. */
export function AliasesInput({
  value,
  onChange,
  conflicts,
}: {
  value: string[];
  onChange: (aliases: string[]) => void;
  conflicts?: string;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  function commit(raw: string) {
    const parts = raw
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return;
    const next = [...value];
    for (const p of parts) {
      if (p.length > 64) {
        setError("An alias can be at most 64 characters.");
        return;
      }
      if (next.some((a) => a.toLowerCase() === p.toLowerCase())) continue;
      if (next.length >= 20) {
        setError("A step can have at most 20 aliases.");
        break;
      }
      next.push(p);
    }
    setError(null);
    onChange(next);
    setText("");
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      commit(text);
    } else if (e.key === "Backspace" && !text && value.length) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div>
      <div className="flex min-h-9 flex-wrap items-center gap-1.5 rounded-lg bg-white px-2 py-1.5 shadow-sm ring-1 ring-zinc-300 ring-inset focus-within:ring-2 focus-within:ring-brand-500">
        {value.map((a, i) => (
          <span
            key={`${a}-${i}`}
            className="inline-flex max-w-full items-center gap-1 rounded-md bg-brand-50 py-0.5 pr-1 pl-2 font-mono text-xs text-brand-700 ring-1 ring-brand-200"
            data-testid="alias-chip"
          >
            <span className="truncate">{a}</span>
            <button
              type="button"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              className="rounded p-0.5 text-brand-400 hover:bg-brand-100 hover:text-brand-700"
              aria-label={`Remove alias ${a}`}
            >
              <XIcon size={10} />
            </button>
          </span>
        ))}
        <input
          data-testid="step-aliases"
          aria-label="Add alias"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => commit(text)}
          placeholder={value.length ? "" : "/help, Prices…"}
          className="min-w-20 flex-1 border-0 bg-transparent p-0 text-sm placeholder:text-zinc-400 focus:ring-0 focus:outline-none"
        />
      </div>
      {(error || conflicts) && <p className="mt-1 text-xs text-red-600">{error ?? conflicts}</p>}
    </div>
  );
}
