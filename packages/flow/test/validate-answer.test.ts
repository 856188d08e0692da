import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { compilePattern, MAX_PATTERN_INPUT_LENGTH, type Validation, validateAnswer } from "../src/index";

type Case = [input: string, expected: string | null];

const table: { validation: Validation; cases: Case[] }[] = [
  {
    validation: { kind: "any" },
    cases: [
      ["  kept as typed  ", "  kept as typed  "],
      ["", ""],
      ["<b>x</b>", "<b>x</b>"],
    ],
  },
  {
    validation: { kind: "text" },
    cases: [
      [" hello ", "hello"],
      ["", null],
      ["   ", null],
    ],
  },
  {
    validation: { kind: "text", min: 3, max: 5 },
    cases: [
      ["ab", null],
      ["abc", "abc"],
      ["abcde", "abcde"],
      ["abcdef", null],
      ["  ab  ", null],
    ],
  },
  {
    validation: { kind: "number" },
    cases: [
      ["1,5", "1.5"],
      ["1.5", "1.5"],
      ["-3", "-3"],
      ["+2", "2"],
      [".5", "0.5"],
      ["5.", "5"],
      ["007", "7"],
      ["1 000", "1000"],
      [" 42 ", "42"],
      ["1e3", null],
      ["0x10", null],
      ["Infinity", null],
      ["1,000.5", null],
      ["abc", null],
      ["", null],
      ["-", null],
    ],
  },
  {
    validation: { kind: "number", min: 0, max: 10 },
    cases: [
      ["0", "0"],
      ["10", "10"],
      ["10,01", null],
      ["-0.1", null],
    ],
  },
  {
    validation: { kind: "email" },
    cases: [
      ["Ann@Example.COM", "ann@example.com"],
      ["  a.b+tag@sub.example.org ", "a.b+tag@sub.example.org"],
      ["a@b", null],
      ["@b.co", null],
      ["a b@c.de", null],
      ["a@@b.co", null],
      [`${"a".repeat(250)}@b.co`, null],
    ],
  },
  {
    validation: { kind: "phone" },
    cases: [
      ["+1 (555) 123-4567", "+15551234567"],
      ["8 800 555-35-35", "88005553535"],
      ["+7.916.123.45.67", "+79161234567"],
      ["1234567", "1234567"],
      ["123456", null],
      ["+1234567890123456", null],
      ["555-CALL-NOW", null],
      ["++15551234567", null],
      ["", null],
    ],
  },
  {
    validation: { kind: "date" },
    cases: [
      ["2026-11-23", "2026-11-23"],
      ["23.11.2026", "2026-11-23"],
      ["23/11/2026", "2026-11-23"],
      ["1.2.2026", "2026-02-01"],
      ["29.02.2024", "2024-02-29"],
      ["31.02.2026", null],
      ["29.02.2026", null],
      ["2026-13-01", null],
      ["00.01.2026", null],
      ["11/23/2026", null],
      ["23.11.26", null],
      ["tomorrow", null],
    ],
  },
  {
    validation: { kind: "regex", pattern: "\\d{3}" },
    cases: [
      ["123", "123"],
      [" 123 ", "123"],
      ["1234", null],
      ["a123", null],
    ],
  },
  {
    validation: { kind: "regex", pattern: "yes|no" },
    cases: [
      ["yes", "yes"],
      ["no", "no"],
      ["yesno", null],
      ["maybe no", null],
    ],
  },
  {
    validation: { kind: "regex", pattern: "([a-z" },
    cases: [
      ["abc", null],
      ["([a-z", null],
    ],
  },
];

describe.each(table)("validateAnswer $validation", ({ validation, cases }) => {
  it.each(cases)("%j -> %j", (input, expected) => {
    const check = validateAnswer(input, validation);
    expect(check).toEqual(expected === null ? { ok: false } : { ok: true, value: expected });
  });
});

describe("compilePattern", () => {
  it.each([
    ["[a-z]+", "abc", true],
    ["[a-z]+", "abc1", false],
    ["\\p{L}+", "Ünïcødé", true],
  ])("%j on %j -> %s", (pattern, input, matches) => {
    expect(compilePattern(pattern)?.test(input)).toBe(matches);
  });

  it.each([
    ["yes|no", "yesno", false],
    ["a", " a", false],
    [".", "😀", true],
    ["..", "😀", false],
    ["(?i)abc", "ABC", true],
    ["\\d{3}", "١٢٣", false],
    ["[A-Z]{2}\\d{6}", "AB123456", true],
  ])("%j on %j -> %s (whole answer, code points)", (pattern, input, matches) => {
    expect(compilePattern(pattern)?.test(input)).toBe(matches);
  });

  it.each(["(", "[a-z", "*", "a{2,1}", "\\"])("%j does not compile -> null", (pattern) => {
    expect(compilePattern(pattern)).toBeNull();
  });

  it.each([
    ["backreference", "(a)\\1"],
    ["lookahead", "(?=x)x"],
    ["negative lookahead", "(?!x)y"],
    ["lookbehind", "(?<=x)x"],
    ["negative lookbehind", "(?<!x)y"],
    ["repeat count over 1000", "a{1001}"],
    ["program too large to match cheaply", "(\\p{L}{0,500})(\\p{L}{0,500})"],
  ])("RE2 rejects %s %j -> null", (_what, pattern) => {
    expect(compilePattern(pattern)).toBeNull();
  });

  it("caches by source", () => {
    expect(compilePattern("[0-9]+")).toBe(compilePattern("[0-9]+"));
  });
});

/**
 * Runs `fn` under a hard time limit. A vitest timeout cannot interrupt synchronous code, so a
 * backtracking regex would hang the suite; vm's watchdog terminates it and the test fails instead.
 */
function withinMs<T>(ms: number, fn: () => T): { result: T; elapsedMs: number } {
  const started = performance.now();
  const result = runInNewContext("run()", { run: fn }, { timeout: ms }) as T;
  return { result, elapsedMs: performance.now() - started };
}

describe("regex validation is linear time (no catastrophic backtracking)", () => {
  const adversarial = `${"a".repeat(40)}!`;

  it.each(["(a+)+", "(a*)*", "(a|a)*", "(a|aa)+", "(.*a){20}"])(
    "%j against 40 a's and '!' is rejected quickly",
    { timeout: 5000 },
    (pattern) => {
      const { result, elapsedMs } = withinMs(1000, () =>
        validateAnswer(adversarial, { kind: "regex", pattern }),
      );
      expect(result).toEqual({ ok: false });
      expect(elapsedMs).toBeLessThan(1000);
    },
  );

  it("still accepts a matching answer", { timeout: 5000 }, () => {
    const { result } = withinMs(1000, () =>
      validateAnswer("a".repeat(40), { kind: "regex", pattern: "(a+)+" }),
    );
    expect(result).toEqual({ ok: true, value: "a".repeat(40) });
  });

  it("rejects answers longer than a Telegram message without matching them", { timeout: 5000 }, () => {
    const pattern = "a+";
    expect(validateAnswer("a".repeat(MAX_PATTERN_INPUT_LENGTH), { kind: "regex", pattern })).toEqual({
      ok: true,
      value: "a".repeat(MAX_PATTERN_INPUT_LENGTH),
    });
    expect(validateAnswer("a".repeat(MAX_PATTERN_INPUT_LENGTH + 1), { kind: "regex", pattern })).toEqual({
      ok: false,
    });
  });

  it("a maximal answer against a large allowed program stays fast", { timeout: 5000 }, () => {
    const pattern = "(?:[a-z]{0,100}){4}b";
    expect(compilePattern(pattern)).not.toBeNull();
    const answer = `${"a".repeat(MAX_PATTERN_INPUT_LENGTH - 1)}!`;
    const { result, elapsedMs } = withinMs(1000, () => validateAnswer(answer, { kind: "regex", pattern }));
    expect(result).toEqual({ ok: false });
    expect(elapsedMs).toBeLessThan(1000);
  });
});
