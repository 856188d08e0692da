import { parseFlowDocument } from "@switchboard/flow";

export const MAX_FLOW_FILE_BYTES = 5_000_000;

export type FlowFileCheck =
  | { ok: true; raw: unknown; steps: number }
  | { ok: false; title: string; message: string };

/**
 * Whether an imported file's text is a flow the draft can be replaced with: JSON, a flow document,
 * and no step or connection that would be lost.
 */
export function checkFlowFile(text: string): FlowFileCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      title: "This file isn't valid JSON",
      message: e instanceof Error ? e.message : String(e),
    };
  }
  const parsed = parseFlowDocument(raw);
  if (!parsed.document)
    return {
      ok: false,
      title: "Not a Switchboard flow",
      message: parsed.problems[0]?.message ?? "The file doesn't look like an exported flow.",
    };
  const broken = parsed.problems.filter((p) => p.code === "INVALID_STEP" || p.code === "INVALID_EDGE");
  if (broken.length)
    return {
      ok: false,
      title: "Not a Switchboard flow",
      message: broken
        .slice(0, 3)
        .map((p) => p.message)
        .join(" "),
    };
  return { ok: true, raw, steps: parsed.document.steps.length };
}
