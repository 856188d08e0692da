import { describe, expect, it } from "vitest";
import type { FlowTarget } from "../../workspace-environment";
import { flowOptions, stepOptions, targetLabel, targetStatus } from "./go-to-flow";

const flows: FlowTarget[] = [
  { id: "f1", name: "Sales", published: true, steps: [{ id: "price", title: "Prices" }] },
  { id: "f2", name: "Draft", published: false, steps: [] },
];
const config = (flowId: string, stepId: string | null = null) => ({ flowId, stepId });

describe("go to flow pickers", () => {
  it("lists the flows, marks unpublished ones and keeps a deleted target", () => {
    expect(flowOptions(flows, "gone").map((o) => o.label)).toEqual([
      "Pick a flow…",
      "Sales",
      "Draft (not published)",
      "(deleted flow)",
    ]);
  });

  it("lists the target's live steps after its start step", () => {
    expect(stepOptions(flows, config("f1", "old")).map((o) => o.value)).toEqual(["", "price", "old"]);
  });

  it.each([
    [config(""), "unset", "No flow picked"],
    [config("f1"), "ok", "Sales"],
    [config("f1", "price"), "ok", "Sales → Prices"],
    [config("f1", "nope"), "missing_step", "Sales → nope"],
    [config("f2"), "unpublished", "Draft"],
    [config("gone"), "missing_flow", "Missing flow"],
  ])("%o: %s, %s", (c, status, label) => {
    expect(targetStatus(flows, c)).toBe(status);
    expect(targetLabel(flows, c)).toBe(label);
  });

  it("takes the target on trust while the flows load", () => {
    expect(targetStatus(null, config("f1"))).toBe("unknown");
  });
});
