"use client";

import { clip } from "../../node-parts";
import type { NodeBodyProps } from "../types";
import { urlPreview } from "./send-webhook";

export function SendWebhookNodeBody({ step }: NodeBodyProps<"send_webhook">) {
  const preview = urlPreview(step.config.url);
  const extra = step.config.extra.length;
  return (
    <div className="space-y-1">
      <p
        className={preview ? "truncate font-mono text-[11px] text-zinc-700" : "text-xs text-zinc-400 italic"}
        title={step.config.url}
        data-testid="node-webhook-url"
      >
        {preview ? `POST ${clip(preview, 60)}` : "No URL yet"}
      </p>
      <p className="text-[11px] text-zinc-400">
        Signed · in the background{extra ? ` · ${extra} extra field${extra === 1 ? "" : "s"}` : ""}
      </p>
    </div>
  );
}
