import { RE2JS } from "re2js";

export const VALIDATION_KINDS = ["any", "text", "number", "email", "phone", "date", "regex"] as const;
export type ValidationKind = (typeof VALIDATION_KINDS)[number];

/** How a typed answer is checked (Free input's validation, and the fields Update contact asks for). */
export interface Validation {
  kind: ValidationKind;
  pattern?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
}

export type AnswerCheck = { ok: true; value: string } | { ok: false };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a typed answer against a Free input step's validation and returns the value to store. */
export function validateAnswer(raw: string, v: Validation): AnswerCheck {
  const text = raw.trim();
  switch (v.kind) {
    case "any":
      return { ok: true, value: raw };
    case "text": {
      if (text === "") return { ok: false };
      if (v.min !== undefined && text.length < v.min) return { ok: false };
      if (v.max !== undefined && text.length > v.max) return { ok: false };
      return { ok: true, value: text };
    }
    case "number": {
      const normalized = text.replace(/\s/g, "").replace(",", ".");
      if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return { ok: false };
      const n = Number(normalized);
      if (!Number.isFinite(n)) return { ok: false };
      if (v.min !== undefined && n < v.min) return { ok: false };
      if (v.max !== undefined && n > v.max) return { ok: false };
      return { ok: true, value: String(n) };
    }
    case "email":
      return EMAIL.test(text) && text.length <= 254 ? { ok: true, value: text.toLowerCase() } : { ok: false };
    case "phone": {
      if (!/^\+?[\d\s().-]+$/.test(text)) return { ok: false };
      const digits = text.replace(/\D/g, "");
      if (digits.length < 7 || digits.length > 15) return { ok: false };
      return { ok: true, value: `${text.startsWith("+") ? "+" : ""}${digits}` };
    }
    case "date":
      return parseDate(text);
    case "regex": {
      const pattern = compilePattern(v.pattern ?? "");
      return pattern?.test(text) ? { ok: true, value: text } : { ok: false };
    }
  }
}

/** Accepts ISO (2026-11-23) and European (23.11.2026, 23/11/2026) dates; stores ISO. */
function parseDate(text: string): AnswerCheck {
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
    if (!match) return { ok: false };
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/**
 * A compiled `regex` validation. `test` is true only when the pattern matches the **whole** answer.
 * Matching is linear in the answer's length (RE2 semantics: no backtracking), so a pattern such as
 * `(a+)+` cannot stall the runtime.
 */
export interface AnswerPattern {
  readonly source: string;
  test(answer: string): boolean;
}

/** Longer answers are rejected without being matched; a Telegram message holds at most 4096 characters. */
export const MAX_PATTERN_INPUT_LENGTH = 4096;

/**
 * Upper bound on the compiled program size (RE2's approximate cost measure). Matching time grows with
 * program size × answer length, so big counted repeats such as `(\p{L}{0,500}){2}` are rejected.
 */
export const MAX_PATTERN_PROGRAM_SIZE = 1000;

const PATTERN_CACHE_LIMIT = 500;
const patternCache = new Map<string, AnswerPattern | null>();

/**
 * Compiles a `regex` validation pattern with RE2 syntax (re2js): no backreferences, no lookahead or
 * lookbehind. Null when the source does not compile under RE2 or is too large to match cheaply.
 * Results (including null) are cached per source, least recently used evicted first.
 */
export function compilePattern(source: string): AnswerPattern | null {
  if (patternCache.has(source)) {
    const hit = patternCache.get(source) ?? null;
    patternCache.delete(source);
    patternCache.set(source, hit);
    return hit;
  }
  const compiled = compileUncached(source);
  if (patternCache.size >= PATTERN_CACHE_LIMIT) {
    const oldest = patternCache.keys().next().value;
    if (oldest !== undefined) patternCache.delete(oldest);
  }
  patternCache.set(source, compiled);
  return compiled;
}

function compileUncached(source: string): AnswerPattern | null {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch {
    return null;
  }
  if (re.programSize() > MAX_PATTERN_PROGRAM_SIZE) return null;
  return {
    source,
    test: (answer) => answer.length <= MAX_PATTERN_INPUT_LENGTH && re.testExact(answer),
  };
}
