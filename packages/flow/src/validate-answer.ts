import type { Validation } from "./steps/free-input";

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
      const re = compilePattern(v.pattern ?? "");
      return re?.test(text) ? { ok: true, value: text } : { ok: false };
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

/** Anchored so the pattern must match the whole answer; null when the source does not compile. */
export function compilePattern(source: string): RegExp | null {
  try {
    return new RegExp(`^(?:${source})$`, "u");
  } catch {
    return null;
  }
}
