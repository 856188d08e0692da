import { describe, expect, it } from "vitest";
import { importName } from "./import-name";

describe("importName", () => {
  it("leaves the name to the file when the file names the flow", () => {
    expect(
      importName(JSON.stringify({ format: "switchboard.flow", name: "Lead capture" }), "export.json"),
    ).toBe(undefined);
  });

  it("falls back to the file name when the file has no name", () => {
    expect(importName(JSON.stringify({ format: "switchboard.flow" }), "Leads.switchboard.json")).toBe(
      "Leads",
    );
    expect(importName(JSON.stringify({ name: "  " }), "faq.json")).toBe("faq");
    expect(importName("{ not json", "broken.json")).toBe("broken");
  });

  it("sends no name when neither gives one", () => {
    expect(importName("[]", ".json")).toBe(undefined);
  });
});
