"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";
import { copyText } from "./copy";

/** Copies `text`; says "Copied" for a moment, or shows the text to copy by hand when the browser refuses. */
export function CopyButton({
  text,
  label = "Copy",
  size = "md",
  variant = "secondary",
  testId,
}: {
  text: string;
  label?: string;
  size?: "sm" | "md";
  variant?: "secondary" | "primary" | "ghost";
  testId?: string;
}) {
  const { toast } = useFeedback();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  async function copy() {
    if (await copyText(text)) setCopied(true);
    else toast({ tone: "info", title: "Copy the link by hand", message: text });
  }

  return (
    <Button size={size} variant={variant} onClick={copy} data-testid={testId} aria-live="polite">
      {copied ? <CheckIcon size={14} className="text-emerald-600" /> : <CopyIcon size={14} />}
      {copied ? "Copied" : label}
    </Button>
  );
}
