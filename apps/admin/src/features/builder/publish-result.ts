import type { Problem } from "@switchboard/flow";

/** What the pill next to Publish says about the last publish. */
export type PublishResult =
  | { ok: true; version: number; warnings: number /** The draft changed since. */; stale?: boolean }
  | { ok: false; message: string; problems?: Problem[] };

/** The pill for the server's answer to a publish. */
export function publishResultOf(
  result: { ok: true; version: number; problems: Problem[] } | { ok: false; problems: Problem[] },
): PublishResult {
  if (result.ok) {
    const warnings = result.problems.filter((p) => p.severity === "warning").length;
    return { ok: true, version: result.version, warnings };
  }
  const errors = result.problems.filter((p) => p.severity === "error").length;
  return {
    ok: false,
    message: `Fix ${errors === 1 ? "1 error" : `${errors} errors`} to publish`,
    problems: result.problems,
  };
}

export function publishResultLabel(r: PublishResult): string {
  if (!r.ok) return r.message;
  if (r.stale) return `v${r.version} published · edited since`;
  return `v${r.version} published${r.warnings ? ` · ${r.warnings} warning${r.warnings === 1 ? "" : "s"}` : ""}`;
}
