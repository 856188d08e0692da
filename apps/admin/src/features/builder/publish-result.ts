import type { Problem } from "@switchboard/flow";

/** The last publish's outcome; what the pill next to Publish says is `publishPillLabel` (release-state.ts). */
export type PublishResult =
  | { ok: true; version: number; warnings: number }
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
