import { buttonHandle, type FlowDocument, NEXT_HANDLE, type StepOf } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { estimatedBox } from "./elk-layout";
import { copySteps, PASTE_OFFSET, parsePayload, pasteSteps, serializePayload } from "./step-clipboard";
import { buttonsStep, edge, flowDoc, freeInputStep, goto, textStep } from "./test-helpers";

/** Ids n1, n2… for steps and p1, p2… for edges, in the order they are asked for. */
function counterIds() {
  let s = 0;
  let e = 0;
  return { newStepId: () => `n${++s}`, newEdgeId: () => `p${++e}` };
}

const at = (x: number, y: number) => ({ position: { x, y } });

/** start → menu (a → ask, b → outside); ask → menu (back). */
const source = () =>
  flowDoc(
    [
      textStep("start", "Hi {{vars.name}}", { title: "Welcome", ...at(0, 0) }),
      buttonsStep("menu", [goto("a"), goto("b")], { aliases: ["/menu"], ...at(400, 0) }),
      freeInputStep("ask", "email", { title: "Email", ...at(800, 0) }),
      textStep("outside", "Bye", at(800, 400)),
    ],
    [
      edge("e1", "start", NEXT_HANDLE, "menu"),
      edge("e2", "menu", buttonHandle("a"), "ask"),
      edge("e3", "menu", buttonHandle("b"), "outside"),
      edge("e4", "ask", NEXT_HANDLE, "menu"),
    ],
    "start",
  );

describe("copySteps", () => {
  it("keeps the selected steps and only the connections between them", () => {
    const payload = copySteps(source(), ["ask", "menu"])!;
    expect(payload.steps.map((s) => s.id)).toEqual(["menu", "ask"]);
    expect(payload.edges.map((e) => e.id)).toEqual(["e2", "e4"]);
    expect(payload.entryStepId).toBeNull();
  });

  it("remembers that the start step was copied", () => {
    expect(copySteps(source(), ["start"])!.entryStepId).toBe("start");
  });

  it("copies nothing without a selection", () => {
    expect(copySteps(source(), [])).toBeNull();
    expect(copySteps(source(), ["gone"])).toBeNull();
  });

  it("is a copy: editing the draft later doesn't change it", () => {
    const doc = source();
    const payload = copySteps(doc, ["start"])!;
    (doc.steps[0] as StepOf<"text">).config.text = "changed";
    expect((payload.steps[0] as StepOf<"text">).config.text).toBe("Hi {{vars.name}}");
  });
});

describe("parsePayload", () => {
  it("reads back what was serialized", () => {
    const payload = copySteps(source(), ["menu", "ask"])!;
    expect(parsePayload(serializePayload(payload))).toEqual(payload);
  });

  it.each([
    { case: "plain text", text: "hello" },
    { case: "other JSON", text: '{"a":1}' },
    { case: "a flow file", text: JSON.stringify(source()) },
    {
      case: "a future version",
      text: JSON.stringify({ ...copySteps(source(), ["start"]), version: 2 }),
    },
    {
      case: "a broken step",
      text: JSON.stringify({ ...copySteps(source(), ["start"]), steps: [{ id: "x", type: "nope" }] }),
    },
    {
      case: "a broken connection",
      text: JSON.stringify({ ...copySteps(source(), ["start"]), edges: [{ id: "x" }] }),
    },
    { case: "no steps", text: JSON.stringify({ ...copySteps(source(), ["start"]), steps: [] }) },
  ])("ignores $case", ({ text }) => {
    expect(parsePayload(text)).toBeNull();
  });
});

describe("pasteSteps", () => {
  it("gives pasted steps and their connections new ids, wired as they were", () => {
    const doc = source();
    const { document, pastedIds } = pasteSteps(doc, copySteps(doc, ["menu", "ask"])!, counterIds());
    expect(pastedIds).toEqual(["n1", "n2"]);
    expect(document.steps.map((s) => s.id)).toEqual(["start", "menu", "ask", "outside", "n1", "n2"]);
    expect(document.edges.slice(doc.edges.length)).toEqual([
      { id: "p1", source: "n1", sourceHandle: buttonHandle("a"), target: "n2" },
      { id: "p2", source: "n2", sourceHandle: NEXT_HANDLE, target: "n1" },
    ]);
    // The original is untouched.
    expect(document.steps.slice(0, 4)).toEqual(doc.steps);
    expect(document.edges.slice(0, 4)).toEqual(doc.edges);
    expect(document.entryStepId).toBe("start");
  });

  it("keeps config as it is: texts, variables and the other flow a step goes to", () => {
    const goTo = {
      id: "g",
      type: "go_to_flow",
      title: "To sales",
      position: { x: 0, y: 0 },
      aliases: [],
      config: { flowId: "f-sales", stepId: "price" },
    } as const;
    const doc = flowDoc([textStep("t", "Hi {{vars.name}}"), goTo as never]);
    const { document } = pasteSteps(flowDoc([]), copySteps(doc, ["t", "g"])!, counterIds());
    expect(document.steps.map((s) => s.config)).toEqual([{ text: "Hi {{vars.name}}" }, goTo.config]);
    expect(document.steps[1]!.title).toBe("To sales");
  });

  it("moves a connection's route with its pasted steps", () => {
    const doc = source();
    const route = [
      { x: 1056, y: 80 },
      { x: 1080, y: 80 },
      { x: 1080, y: -40 },
      { x: 376, y: -40 },
      { x: 400, y: 26 },
    ];
    const routed = { ...doc, edges: doc.edges.map((e) => (e.id === "e4" ? { ...e, route } : e)) };
    const payload = parsePayload(serializePayload(copySteps(routed, ["menu", "ask"])!))!;
    const { document } = pasteSteps(routed, payload, counterIds());
    const shift = document.steps.at(-1)!.position.x - 800;
    expect(shift).toBeGreaterThan(0);
    expect(document.edges.at(-1)!.route).toEqual(route.map((p) => ({ x: p.x + shift, y: p.y + shift })));
    expect(document.edges.at(-2)).not.toHaveProperty("route");
  });

  it("moves pasted steps down and right, by steps of PASTE_OFFSET, until clear of the others", () => {
    const doc = source();
    const { document } = pasteSteps(doc, copySteps(doc, ["start"])!, counterIds());
    // 40…120 lie on "start" itself (146 high), 160 on "menu" (at x 400, 172 high): 200 is clear.
    expect(document.steps.at(-1)!.position).toEqual({ x: 5 * PASTE_OFFSET, y: 5 * PASTE_OFFSET });
  });

  it("moves on until no pasted step lies on any step", () => {
    const doc = source();
    const payload = copySteps(doc, ["start"])!;
    let next: FlowDocument = doc;
    // Paste three times: each lands clear of the ones before.
    for (let i = 0; i < 3; i++) next = pasteSteps(next, payload, counterIds()).document;
    const boxes = next.steps.map((s) => ({ ...s.position, ...estimatedBox(s) }));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
        ).toBe(true);
  });

  it("uses the measured sizes of steps when it has them", () => {
    const doc = source();
    // "start" measured 400 high: up to 240 the copy lies on it (estimated, 200 would do); at 280 it is
    // right of it, and below "menu".
    const sizeOf = (id: string) => (id === "start" ? { width: 256, height: 400 } : undefined);
    const { document } = pasteSteps(doc, copySteps(doc, ["start"])!, { ...counterIds(), sizeOf });
    expect(document.steps.at(-1)!.position).toEqual({ x: 7 * PASTE_OFFSET, y: 7 * PASTE_OFFSET });
  });

  it("lands where it was copied from in another flow with room there", () => {
    const doc = source();
    const other = flowDoc([textStep("far", "", at(5000, 5000))]);
    const { document } = pasteSteps(other, copySteps(doc, ["ask"])!, counterIds());
    expect(document.steps.at(-1)!.position).toEqual({ x: 800 + PASTE_OFFSET, y: PASTE_OFFSET });
  });

  it("drops aliases the draft already has, keeps the others", () => {
    const doc = source();
    const payload = copySteps(doc, ["menu"])!;
    payload.steps[0]!.aliases = ["/MENU", "/help"];
    const { document } = pasteSteps(doc, payload, counterIds());
    expect(document.steps.at(-1)!.aliases).toEqual(["/help"]);
    // Into another flow, they come along.
    expect(pasteSteps(flowDoc([]), payload, counterIds()).document.steps[0]!.aliases).toEqual([
      "/MENU",
      "/help",
    ]);
  });

  it("makes the copied start step the start of an empty flow", () => {
    const doc = source();
    const { document } = pasteSteps(flowDoc([]), copySteps(doc, ["menu", "start"])!, counterIds());
    // "start" comes first in the draft's order, so it got n1.
    expect(document.entryStepId).toBe("n1");
    expect(document.steps[0]!.id).toBe("n1");
  });

  it("makes the first pasted step the start of an empty flow when no start was copied", () => {
    const doc = source();
    const { document } = pasteSteps(flowDoc([]), copySteps(doc, ["menu", "ask"])!, counterIds());
    expect(document.entryStepId).toBe("n1");
  });

  it("never takes the start away from a flow that has one", () => {
    const doc = source();
    const { document } = pasteSteps(doc, copySteps(doc, ["start"])!, counterIds());
    expect(document.entryStepId).toBe("start");
  });

  it("drops a connection whose output the pasted step doesn't have", () => {
    const doc = source();
    const payload = copySteps(doc, ["menu", "ask"])!;
    payload.edges.push(edge("x", "menu", buttonHandle("gone"), "ask"));
    expect(pasteSteps(doc, payload, counterIds()).document.edges).toHaveLength(doc.edges.length + 2);
  });
});
