import { describe, expect, it } from "vitest";
import { compileDraft } from "../compiler/compile";
import { parseFlowDocument } from "../compiler/parse";
import { FLOW_TEMPLATE_INFO, FLOW_TEMPLATES, flowFromTemplate, TEMPLATE_PREVIEWS } from "./index";

const templates = FLOW_TEMPLATE_INFO.filter((t) => t.id !== "empty");

describe("flow templates", () => {
  it("lists every template id once, with a name and description", () => {
    expect(FLOW_TEMPLATE_INFO.map((t) => t.id)).toEqual([...FLOW_TEMPLATES]);
    for (const t of FLOW_TEMPLATE_INFO) {
      expect(t.name.trim()).not.toBe("");
      expect(t.description.trim()).not.toBe("");
    }
  });

  it.each(templates.map((t) => [t.id, t] as const))("%s compiles with zero problems", (_, t) => {
    const result = compileDraft(t.build());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(templates.map((t) => [t.id, t] as const))(
    "%s is already in its stored form (parsing adds no defaults)",
    (_, t) => {
      // The draft is saved as built: a template missing a default would change on its first save.
      expect(parseFlowDocument(t.build()).document).toEqual(t.build());
    },
  );

  it("previews each template with its step count and step kinds", () => {
    const faq = TEMPLATE_PREVIEWS.find((p) => p.id === "faq")!;
    expect(faq.stepCount).toBe(flowFromTemplate("faq").steps.length);
    expect(faq.stepKinds[0]).toBe("Text");
    expect(TEMPLATE_PREVIEWS.find((p) => p.id === "appointment")!.stepKinds).toContain("Schedule");
    expect(TEMPLATE_PREVIEWS.find((p) => p.id === "empty")!.stepCount).toBe(0);
  });

  it("builds a fresh document each time (editing one flow never changes another's template)", () => {
    const a = flowFromTemplate("faq");
    a.steps.pop();
    expect(flowFromTemplate("faq").steps.length).toBe(a.steps.length + 1);
  });
});
