"use client";

import { useEffect, useRef, useState } from "react";
import { Textarea } from "@/components/ui/field";
import { ChevronDownIcon } from "@/components/ui/icons";

const BUILT_INS = ["name", "username", "chatId"];

/** A textarea for message templates with an "Insert variable" menu that inserts at the cursor. */
export function TemplateTextarea({
  value,
  onChange,
  variables,
  invalid,
  id,
  placeholder,
  rows = 5,
  maxLength = 20_000,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  variables: string[];
  invalid?: boolean;
  id?: string;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  "data-testid"?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener("mousedown", close);
    return () => window.removeEventListener("mousedown", close);
  }, [open]);

  function insert(token: string) {
    const el = ref.current;
    const text = `{{${token}}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + text + value.slice(end);
    onChange(next.slice(0, maxLength));
    setOpen(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  return (
    <div>
      <Textarea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
        className="text-[13px] leading-relaxed"
        {...rest}
      />
      <div className="mt-1 flex items-center justify-between">
        <div ref={menu} className="relative">
          <button
            type="button"
            onClick={() => setOpen((o) => !o)}
            className="inline-flex items-center gap-1 rounded-md bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-600 hover:bg-zinc-200"
            title="Insert a variable"
          >
            {"{{ }}"} <ChevronDownIcon size={11} />
          </button>
          {open && (
            <div className="absolute bottom-full left-0 z-30 mb-1 max-h-56 w-56 overflow-y-auto rounded-lg bg-white py-1 text-xs shadow-lg ring-1 ring-zinc-200">
              <p className="px-3 pt-1 pb-0.5 text-[10px] font-semibold tracking-wide text-zinc-400 uppercase">
                Contact
              </p>
              {BUILT_INS.map((v) => (
                <button
                  key={v}
                  type="button"
                  onClick={() => insert(v)}
                  className="block w-full px-3 py-1 text-left font-mono text-zinc-700 hover:bg-brand-50"
                >
                  {`{{${v}}}`}
                </button>
              ))}
              <p className="px-3 pt-2 pb-0.5 text-[10px] font-semibold tracking-wide text-zinc-400 uppercase">
                Collected answers
              </p>
              {variables.length === 0 ? (
                <p className="px-3 py-1 text-zinc-400">None yet — add a Free input step.</p>
              ) : (
                variables.map((v) => (
                  <button
                    key={v}
                    type="button"
                    onClick={() => insert(`vars.${v}`)}
                    className="block w-full truncate px-3 py-1 text-left font-mono text-zinc-700 hover:bg-brand-50"
                  >
                    {`{{vars.${v}}}`}
                  </button>
                ))
              )}
            </div>
          )}
        </div>
        <span className="text-[10px] text-zinc-400 tabular-nums">
          {value.length > 4096 ? (
            <span className="text-amber-600">{value.length.toLocaleString()} / 4,096 · will be split</span>
          ) : (
            `${value.length.toLocaleString()} / 4,096`
          )}
        </span>
      </div>
    </div>
  );
}
