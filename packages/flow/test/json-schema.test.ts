import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STEP_TYPES } from "../src/index";
import { flowJsonSchema } from "../src/json-schema";

describe("flowJsonSchema", () => {
  const schema = flowJsonSchema() as {
    type: string;
    properties: Record<
      string,
      { type?: string; items?: { oneOf?: { properties: { type: { const: string } } }[] } }
    >;
  };

  it("describes a document with steps and edges", () => {
    expect(schema.type).toBe("object");
    expect(schema.properties.steps?.type).toBe("array");
    expect(schema.properties.edges?.type).toBe("array");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["format", "version", "entryStepId", "steps", "edges"]),
    );
  });

  it("has one variant per step type", () => {
    const variants = schema.properties.steps?.items?.oneOf ?? [];
    expect(variants.map((v) => v.properties.type.const).sort()).toEqual([...STEP_TYPES].sort());
  });

  it("is JSON-serializable", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it("docs/flow.schema.json is up to date (pnpm --filter @switchboard/flow schema)", () => {
    const file = new URL("../../../docs/flow.schema.json", import.meta.url);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
