import { describe, expect, it } from "vitest";
import { splitText } from "../src/index";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const a = (n: number) => "a".repeat(n);

const inputs: [string, string, number][] = [
  ["empty", "", 4096],
  ["short", "hello", 4096],
  ["exactly the limit", a(4096), 4096],
  ["one over the limit", a(4097), 4096],
  ["three times the limit", a(3 * 4096 + 5), 4096],
  ["a space just before the limit", `${a(4095)}  ${"b".repeat(100)}`, 4096],
  ["a paragraph break at the limit", `${a(4095)}\n\n${"b".repeat(100)}`, 4096],
  ["emoji only", "😀".repeat(3000), 4096],
  ["emoji across the limit", `${a(4095)}😀b`, 4096],
  ["family emoji", "👨‍👩‍👧‍👦".repeat(1000), 4096],
  ["words", "lorem ipsum ".repeat(1000), 4096],
  ["lines", "line of text\n".repeat(1000), 4096],
  ["caption limit", "word ".repeat(500), 1024],
  ["RTL", "مرحبا بالعالم ".repeat(800), 4096],
];

describe.each(inputs)("splitText invariants: %s", (_what, text, limit) => {
  const parts = splitText(text, limit);

  it("loses nothing", () => {
    expect(parts.join("")).toBe(text);
  });

  it("keeps every part within the limit", () => {
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
  });

  it("never splits a surrogate pair", () => {
    for (const p of parts) expect(LONE_SURROGATE.test(p)).toBe(false);
  });

  it("uses as few parts as the breaks allow", () => {
    expect(parts.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(text.length / (limit / 2))));
    if (text.length > 0) for (const p of parts) expect(p.length).toBeGreaterThan(0);
  });
});

describe("splitText break preferences", () => {
  it("keeps a short text whole", () => {
    expect(splitText("hello")).toEqual(["hello"]);
  });

  it("cuts at the limit when there is no break", () => {
    expect(splitText(a(5000)).map((p) => p.length)).toEqual([4096, 904]);
  });

  it("prefers a paragraph break over a line break and a space", () => {
    const text = `${a(2500)}\n\n${"b".repeat(1000)}\n${"c".repeat(300)} ${"d".repeat(2000)}`;
    expect(splitText(text)[0]).toBe(`${a(2500)}\n\n`);
  });

  it("prefers a line break over a space", () => {
    const text = `${a(2500)}\n${"b".repeat(1000)} ${"c".repeat(2000)}`;
    expect(splitText(text)[0]).toBe(`${a(2500)}\n`);
  });

  it("falls back to a space", () => {
    const text = `${a(3000)} ${"b".repeat(3000)}`;
    expect(splitText(text)).toEqual([`${a(3000)} `, "b".repeat(3000)]);
  });

  it("ignores a break in the first half of the part", () => {
    const text = `${a(100)}\n${"b".repeat(5000)}`;
    expect(splitText(text)[0]).toHaveLength(4096);
  });

  it("moves an emoji that would be cut to the next part", () => {
    expect(splitText(`${a(4095)}😀b`)).toEqual([a(4095), "😀b"]);
  });

  it("honours the caption limit", () => {
    expect(splitText(a(2048), 1024)).toEqual([a(1024), a(1024)]);
  });
});
