import {
  type Button,
  buttonHandle,
  type Edge,
  type FlowDocument,
  NEXT_HANDLE,
  type Step,
  type StepOf,
} from "@switchboard/flow";

/* Builders for parsed flow documents in the builder's unit tests. */

type Extra = Partial<Pick<Step, "title" | "aliases" | "position">>;
const base = (id: string, extra: Extra) => ({
  id,
  title: extra.title ?? "",
  position: extra.position ?? { x: 0, y: 0 },
  aliases: extra.aliases ?? [],
});

export const textStep = (id: string, text = "", extra: Extra = {}): StepOf<"text"> => ({
  ...base(id, extra),
  type: "text",
  config: { text },
});

export const buttonsStep = (id: string, buttons: Button[], extra: Extra = {}): StepOf<"buttons"> => ({
  ...base(id, extra),
  type: "buttons",
  config: { text: "Pick one", keyboard: "inline", buttons, columns: 1, retryText: "" },
});

export const freeInputStep = (id: string, variable = "answer", extra: Extra = {}): StepOf<"free_input"> => ({
  ...base(id, extra),
  type: "free_input",
  config: { text: "Your answer?", variable, validation: { kind: "any" }, retryText: "" },
});

export const goto = (id: string, label = id): Button => ({ id, kind: "goto", label });
export const link = (id: string, url = "https://example.com"): Button => ({
  id,
  kind: "url",
  label: id,
  url,
});

export const edge = (id: string, source: string, sourceHandle: string, target: string): Edge => ({
  id,
  source,
  sourceHandle,
  target,
});

export function flowDoc(steps: Step[], edges: Edge[] = [], entryStepId = steps[0]?.id ?? null): FlowDocument {
  return { format: "switchboard.flow", version: 1, entryStepId, steps, edges };
}

/** Start → menu (yes → c, no → d, a link) and c back to the start. */
export const menuDoc = () =>
  flowDoc(
    [
      textStep("a", "Hi"),
      buttonsStep("b", [goto("yes"), goto("no"), link("site")], { aliases: ["/menu"] }),
      textStep("c", "Yes!"),
      textStep("d", "No!"),
    ],
    [
      edge("e1", "a", NEXT_HANDLE, "b"),
      edge("e2", "b", buttonHandle("yes"), "c"),
      edge("e3", "b", buttonHandle("no"), "d"),
      edge("e4", "c", NEXT_HANDLE, "a"),
    ],
  );

export const stepIds = (doc: FlowDocument) => doc.steps.map((s) => s.id);
export const edgeIds = (doc: FlowDocument) => doc.edges.map((e) => e.id);
