"use client";

import type { FormatType } from "@switchboard/flow";
import { useState } from "react";
import { cn } from "@/lib/cn";
import { EmojiPickerMenu } from "./emoji-picker-menu";

const BUTTONS: {
  format: Exclude<FormatType, "text_link">;
  label: string;
  title: string;
  className: string;
}[] = [
  { format: "bold", label: "B", title: "Bold (Ctrl+B)", className: "font-bold" },
  { format: "italic", label: "I", title: "Italic (Ctrl+I)", className: "italic font-serif" },
  { format: "underline", label: "U", title: "Underline (Ctrl+U)", className: "underline" },
  { format: "strikethrough", label: "S", title: "Strikethrough", className: "line-through" },
  { format: "spoiler", label: "▒", title: "Spoiler (hidden until tapped)", className: "" },
  { format: "code", label: "</>", title: "Inline code", className: "font-mono text-[10px]" },
  { format: "pre", label: "¶", title: "Code block", className: "font-mono" },
];

/**
 * The message editor's toolbar: formats for the selection, a link (asks for its address inline)
 * and the emoji picker. Buttons keep the textarea's selection (mousedown is prevented).
 */
export function FormatToolbar({
  onFormat,
  onEmoji,
}: {
  onFormat: (format: FormatType, url?: string) => void;
  onEmoji: (emoji: string) => void;
}) {
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState("https://");
  const addLink = () => {
    if (!/^(https?|tg):\/\/\S+$/i.test(url.trim())) return;
    onFormat("text_link", url.trim());
    setLinking(false);
    setUrl("https://");
  };

  return (
    <div className="mb-1">
      <div
        className="flex items-center gap-0.5 rounded-md bg-zinc-100 px-1 py-0.5"
        role="toolbar"
        aria-label="Formatting"
      >
        {BUTTONS.map((b) => (
          <button
            key={b.format}
            type="button"
            title={b.title}
            aria-label={b.title}
            data-testid={`format-${b.format}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onFormat(b.format)}
            className={cn(
              "min-w-6 rounded px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200",
              b.className,
            )}
          >
            {b.label}
          </button>
        ))}
        <button
          type="button"
          title="Link"
          aria-label="Link"
          data-testid="format-link"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setLinking((l) => !l)}
          className={cn(
            "rounded px-1.5 py-0.5 text-xs text-sky-700 underline hover:bg-zinc-200",
            linking && "bg-zinc-200",
          )}
        >
          link
        </button>
        <span className="ml-auto" />
        <EmojiPickerMenu onPick={onEmoji} />
      </div>
      {linking && (
        <div className="mt-1 flex items-center gap-1">
          <input
            autoFocus
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addLink();
              }
              if (e.key === "Escape") setLinking(false);
            }}
            aria-label="Link address"
            data-testid="format-link-url"
            className="min-w-0 flex-1 rounded border border-zinc-200 px-2 py-0.5 text-xs outline-none focus:border-brand-400"
          />
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={addLink}
            data-testid="format-link-add"
            className="rounded bg-brand-600 px-2 py-0.5 text-xs text-white hover:bg-brand-700"
          >
            Add link
          </button>
        </div>
      )}
    </div>
  );
}
