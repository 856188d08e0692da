import { describe, expect, it } from "vitest";
import {
  contactLabel,
  hasFilters,
  leadSource,
  leadsListInput,
  NO_FILTERS,
  stageTone,
  titleError,
  UNOWNED,
} from "./lead-view";

describe("leadsListInput", () => {
  it("sends only the filters that are set", () => {
    expect(leadsListInput(NO_FILTERS)).toEqual({});
    expect(leadsListInput({ stageId: "s1", owner: "u1", botId: "b1" })).toEqual({
      stageId: "s1",
      ownerUserId: "u1",
      botId: "b1",
    });
  });

  it("asks for the leads nobody owns with a null owner", () => {
    expect(leadsListInput({ ...NO_FILTERS, owner: UNOWNED })).toEqual({ ownerUserId: null });
  });

  it("knows when a filter is set", () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, owner: UNOWNED })).toBe(true);
  });
});

describe("stageTone", () => {
  it("colours won green, lost red and open stages blue", () => {
    expect(stageTone("won")).toBe("green");
    expect(stageTone("lost")).toBe("red");
    expect(stageTone("open")).toBe("blue");
    expect(stageTone(undefined)).toBe("blue");
  });
});

describe("leadSource", () => {
  const flowLead = {
    source: "flow" as const,
    botUsername: "acme_bot",
    stepId: "lead1abc",
    stepType: "create_lead",
    stepTitle: "Save the lead",
    flowName: "Sales",
  };

  it("names the bot and the step of a flow's lead by the step's title, never its id", () => {
    expect(leadSource(flowLead)).toEqual({ label: "@acme_bot · Save the lead", detail: "Sales" });
    expect(leadSource({ ...flowLead, stepTitle: "" }).label).toBe("@acme_bot · Create lead · lead");
    expect(leadSource({ ...flowLead, stepType: null, stepTitle: null }).label).toBe(
      "@acme_bot · Removed step · lead",
    );
    expect(leadSource({ ...flowLead, stepId: null, flowName: null })).toEqual({
      label: "@acme_bot",
      detail: null,
    });
  });

  it("copes with a removed bot or flow", () => {
    expect(leadSource({ ...flowLead, botUsername: null, flowName: null })).toEqual({
      label: "A removed bot · Save the lead",
      detail: "its flow is gone",
    });
  });

  it("says how other leads were made", () => {
    expect(leadSource({ ...flowLead, source: "manual" }).label).toBe("Added by hand");
    expect(leadSource({ ...flowLead, source: "api" }).label).toBe("Added through the API");
  });
});

describe("contactLabel", () => {
  it("prefers the name, then the username, then the phone", () => {
    expect(contactLabel({ contactName: "Ann Lee", contactUsername: "ann", contactPhone: null })).toBe(
      "Ann Lee",
    );
    expect(contactLabel({ contactName: " ", contactUsername: "ann", contactPhone: null })).toBe("@ann");
    expect(contactLabel({ contactName: "", contactUsername: null, contactPhone: "+1555" })).toBe("+1555");
    expect(contactLabel({ contactName: "", contactUsername: null, contactPhone: null })).toBe(
      "Unnamed contact",
    );
  });
});

describe("titleError", () => {
  it("wants 1–200 characters after trimming", () => {
    expect(titleError("  ")).toBe("Give the lead a title.");
    expect(titleError("Big deal")).toBeNull();
    expect(titleError("x".repeat(200))).toBeNull();
    expect(titleError("x".repeat(201))).toMatch(/200/);
  });
});
