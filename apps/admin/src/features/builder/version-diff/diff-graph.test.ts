import { diffFlows, emptyFlowDocument, type FlowDocument, type Step } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { DIFF_COLORS, diffGraph } from "./diff-graph";

const text = (id: string, body: string): Step => ({
  id,
  type: "text",
  title: id,
  position: { x: 0, y: 0 },
  aliases: [],
  config: { text: body },
});
const doc = (steps: Step[], edges: [string, string][]): FlowDocument => ({
  ...emptyFlowDocument(),
  entryStepId: steps[0]!.id,
  steps,
  edges: edges.map(([source, target]) => ({
    id: `${source}-${target}`,
    source,
    sourceHandle: "next",
    target,
  })),
});

describe("diffGraph", () => {
  const before = doc(
    [text("a", "Hi"), text("b", "Old"), text("gone", "x")],
    [
      ["a", "b"],
      ["b", "gone"],
    ],
  );
  const after = doc(
    [text("a", "Hi"), text("b", "New"), text("new", "y")],
    [
      ["a", "b"],
      ["b", "new"],
    ],
  );
  const diff = diffFlows(before, after);

  it("colours removed and changed steps on the older side only", () => {
    const { nodes } = diffGraph(before, "before", diff);
    expect(nodes.map((n) => [n.id, n.data.status])).toEqual([
      ["a", "same"],
      ["b", "changed"],
      ["gone", "removed"],
    ]);
    expect(nodes.find((n) => n.id === "b")!.data.fields).toEqual(["config.text"]);
    expect(nodes[0]!.data.entry).toBe(true);
  });

  it("colours added and changed steps on the newer side only", () => {
    const { nodes } = diffGraph(after, "after", diff);
    expect(nodes.map((n) => [n.id, n.data.status])).toEqual([
      ["a", "same"],
      ["b", "changed"],
      ["new", "added"],
    ]);
    expect(nodes.every((n) => n.draggable === false && n.connectable === false)).toBe(true);
  });

  it("marks removed connections on the older side and added ones on the newer side", () => {
    const old = diffGraph(before, "before", diff).edges;
    expect(old.filter((e) => e.data?.changed).map((e) => e.id)).toEqual(["b-gone"]);
    expect(old.find((e) => e.id === "b-gone")!.style).toMatchObject({ stroke: DIFF_COLORS.removed });
    const now = diffGraph(after, "after", diff).edges;
    expect(now.filter((e) => e.data?.changed).map((e) => e.id)).toEqual(["b-new"]);
    expect(now.find((e) => e.id === "a-b")!.style).toMatchObject({ stroke: DIFF_COLORS.same });
  });

  it("leaves out a connection to a step the document doesn't have", () => {
    const broken = {
      ...before,
      edges: [...before.edges, { id: "x", source: "a", sourceHandle: "y", target: "nope" }],
    };
    expect(diffGraph(broken, "before", diffFlows(broken, after)).edges.map((e) => e.id)).not.toContain("x");
  });
});
