"use client";

import type { NodeBodyProps } from "../types";
import { describeUrl } from "./rows";

export function HttpRequestNodeBody({ step }: NodeBodyProps<"http_request">) {
  const { method, url, mappings } = step.config;
  return (
    <div className="space-y-1">
      <p className="flex min-w-0 items-center gap-1.5 text-xs text-zinc-700">
        <span className="shrink-0 rounded bg-cyan-50 px-1.5 py-0.5 font-mono text-[10px] font-semibold text-cyan-800 ring-1 ring-cyan-200">
          {method}
        </span>
        <span className="truncate font-mono" title={url}>
          {describeUrl(url)}
        </span>
      </p>
      {mappings.length > 0 && (
        <p className="truncate text-[11px] text-zinc-400">
          saves {mappings.map((m) => `vars.${m.variable}`).join(", ")}
        </p>
      )}
    </div>
  );
}
