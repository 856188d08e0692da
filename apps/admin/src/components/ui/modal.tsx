"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { cn } from "@/lib/cn";
import { XIcon } from "./icons";

export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  className,
  ...rest
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    // A field the dialog focused itself (autoFocus) keeps the focus; else the first field, else the
    // first button (the close button comes first in the markup, so fields are looked for first).
    const el = panel.current;
    if (el && !el.contains(document.activeElement)) {
      const first =
        el.querySelector<HTMLElement>("input:not([type=hidden]):not(.sr-only), textarea, select") ??
        el.querySelector<HTMLElement>("button");
      first?.focus();
    }
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);

  if (!open) return null;
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto p-4 pt-[12vh]">
      <div
        className="fixed inset-0 bg-zinc-950/40 backdrop-blur-[2px]"
        onClick={onClose}
        aria-hidden="true"
      />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        className={cn(
          "animate-fade-in relative w-full max-w-md rounded-xl bg-white shadow-xl ring-1 ring-zinc-200",
          className,
        )}
        {...rest}
      >
        <div className="flex items-start justify-between gap-4 px-5 pt-5">
          <div className="min-w-0">
            <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
            {description && <div className="mt-1 text-sm text-zinc-500 break-anywhere">{description}</div>}
          </div>
          <button
            type="button"
            onClick={onClose}
            className="-mt-1 -mr-1 rounded-md p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-600"
            aria-label="Close"
          >
            <XIcon />
          </button>
        </div>
        {children && <div className="px-5 pt-4">{children}</div>}
        <div className="flex justify-end gap-2 px-5 pt-5 pb-5">{footer}</div>
      </div>
    </div>
  );
}
