import { describe, expect, it } from "vitest";
import { readFlowFile, writeFlowFile } from "../src/index";
import { flowDoc, textStep } from "../src/testing";

/** Regressions found by flow-file.fuzz.test.ts: a refusal stays one readable sentence whatever the upload. */
describe("reading a flow file", () => {
  const refusal = (json: string) => {
    const read = readFlowFile(json);
    if (read.ok) throw new Error("expected the file to be refused");
    return read.message;
  };

  it("names a step whose id is not an id by its position, not by echoing the id", () => {
    const hugeId = "x".repeat(100_000);
    const message = refusal(
      JSON.stringify({ steps: [{ id: hugeId, type: "text", config: { text: "hi" } }] }),
    );
    expect(message).toMatch(/^Not a Switchboard flow: Step #1 is not valid: id: /);
    expect(message.length).toBeLessThan(300);
  });

  it("names the first three broken steps of thousands, and counts the rest", () => {
    const steps = Array.from({ length: 1500 }, (_, i) => ({
      id: `s${i}`,
      type: "text",
      config: { text: 5 },
    }));
    const message = refusal(JSON.stringify({ steps }));
    expect(message).toMatch(/^Not a Switchboard flow: Step s0 is not valid: .* Step s2 is not valid: /);
    expect(message).toMatch(/\(and 1497 more problems\)$/);
    expect(message.length).toBeLessThan(1000);
  });

  it("cuts one very long problem short", () => {
    const buttons = Array.from({ length: 60 }, (_, i) => ({ id: `b${i}`, kind: "nonsense", label: 7 }));
    const message = refusal(
      JSON.stringify({ steps: [{ id: "a", type: "buttons", config: { text: "?", buttons } }] }),
    );
    expect(message.length).toBeLessThanOrEqual(400);
    expect(message.endsWith("…")).toBe(true);
  });

  it("points at an unsavable character deep inside without spelling out the whole path", () => {
    const key = `k${"y".repeat(50_000)}`;
    const doc = { ...flowDoc([textStep("a", "hi")]), extra: { [key]: "nul \u0000 here" } };
    const message = refusal(JSON.stringify(doc));
    expect(message).toMatch(
      /^The flow contains a character that can't be saved .* at extra\.kyyy.*…y+\. Remove it/,
    );
    expect(message.length).toBeLessThan(400);
  });

  it("refuses a file nested thousands of levels deep before parsing it, quickly", () => {
    const started = performance.now();
    const message = refusal(`{"steps":[],"x":${"[".repeat(2_000_000)}${"]".repeat(2_000_000)}}`);
    expect(message).toBe("Not a Switchboard flow: arrays and objects are nested more than 64 levels deep.");
    // Parsing and walking it took tens of seconds; the scan takes milliseconds (generous for a busy machine).
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("counts brackets inside strings as text, not nesting", () => {
    const read = readFlowFile(JSON.stringify(flowDoc([textStep("a", `${"[{".repeat(500)} " ]`)])));
    expect(read.ok).toBe(true);
  });

  it("reads back what it writes", () => {
    const doc = readFlowFile(JSON.stringify(flowDoc([textStep("a", "hi 😀")])));
    if (!doc.ok) throw new Error(doc.message);
    expect(readFlowFile(writeFlowFile("Mine", doc.document))).toEqual({
      ok: true,
      document: doc.document,
      name: "Mine",
    });
  });
});
