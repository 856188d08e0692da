import { describe, expect, it } from "vitest";
import { appRouter } from "../src/router";

/** What this test reads of a procedure's definition (tRPC v11 keeps the `.output()` parser there). */
type ProcedureDef = { _def: { output?: unknown } };

// Typed as the nested router, but at run time a flat record by path ("flows.publish"), as auth.test reads it.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

describe("every procedure", () => {
  it("the router has procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(20);
  });

  // A procedure without an output schema would send whatever its service returns, token columns
  // included if someone selects them; this fails CI for a new procedure that has none.
  it("has an output schema", () => {
    const missing = procedures.filter(([, p]) => p._def.output === undefined).map(([path]) => path);
    expect(missing).toEqual([]);
  });
});
