import type { Validation } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { patternError, rangeError, withBound, withKind } from "./validation";

describe("patternError", () => {
  it.each([
    { pattern: "^[A-Z]{3}\\d{3}$", ok: true },
    { pattern: "yes|no", ok: true },
    { pattern: undefined, ok: false },
    { pattern: "", ok: false },
    { pattern: "(a", ok: false },
    { pattern: "(a)\\1", ok: false },
    { pattern: "(?=a)b", ok: false },
  ])("'$pattern' is ok: $ok", ({ pattern, ok }) => {
    const error = patternError(pattern);
    if (ok) expect(error).toBeUndefined();
    else expect(error).toEqual(expect.any(String));
  });
});

describe("rangeError", () => {
  it.each<{ v: Validation; ok: boolean }>([
    { v: { kind: "number", min: 1, max: 2 }, ok: true },
    { v: { kind: "number", min: 2, max: 2 }, ok: true },
    { v: { kind: "text", min: 5 }, ok: true },
    { v: { kind: "text", max: 5 }, ok: true },
    { v: { kind: "text", min: 6, max: 5 }, ok: false },
    { v: { kind: "number", min: 0, max: -1 }, ok: false },
  ])("$v is ok: $ok", ({ v, ok }) => {
    expect(rangeError(v) === undefined).toBe(ok);
  });
});

describe("withKind", () => {
  it.each<{ v: Validation; kind: Validation["kind"]; expected: Validation }>([
    { v: { kind: "any" }, kind: "regex", expected: { kind: "regex", pattern: "" } },
    { v: { kind: "regex", pattern: "a+" }, kind: "regex", expected: { kind: "regex", pattern: "a+" } },
    { v: { kind: "text", min: 1, max: 3 }, kind: "number", expected: { kind: "number" } },
    { v: { kind: "regex", pattern: "a+" }, kind: "email", expected: { kind: "email" } },
  ])("$v → $kind", ({ v, kind, expected }) => {
    expect(withKind(v, kind)).toEqual(expected);
  });
});

describe("withBound", () => {
  it.each<{ v: Validation; bound: "min" | "max"; value: number | undefined; expected: Validation }>([
    { v: { kind: "text" }, bound: "min", value: 2, expected: { kind: "text", min: 2 } },
    {
      v: { kind: "text", min: 2, max: 9 },
      bound: "max",
      value: 5,
      expected: { kind: "text", min: 2, max: 5 },
    },
    {
      v: { kind: "text", min: 2, max: 9 },
      bound: "min",
      value: undefined,
      expected: { kind: "text", max: 9 },
    },
    { v: { kind: "number", min: 0 }, bound: "min", value: 0, expected: { kind: "number", min: 0 } },
  ])("sets $bound of $v to $value", ({ v, bound, value, expected }) => {
    const next = withBound(v, bound, value);
    expect(next).toEqual(expected);
    expect(Object.keys(next)).toEqual(Object.keys(expected));
  });
});
