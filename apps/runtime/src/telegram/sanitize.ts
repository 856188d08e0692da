/*
 * Postgres cannot hold every string JavaScript (and Telegram's JSON) can: `text` rejects U+0000, and
 * `jsonb` rejects both \u0000 and a lone (unpaired) surrogate escape. A user can put either in a
 * message, a caption or their name, and one such update must not stop the bot from storing any
 * other. So the stored payload carries U+FFFD (the replacement character) in their place, and the
 * update as sent is kept beside it (see `originalJsonOf`).
 */

/** U+0000, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what must be found.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const REPLACEMENT = "\uFFFD";

/** The string with every character Postgres can't store replaced by U+FFFD. */
export function sanitizeString(value: string): string {
  return value.replace(UNSTORABLE, REPLACEMENT);
}

/** Whether Postgres can store the string as it is. */
export function isStorable(value: string): boolean {
  UNSTORABLE.lastIndex = 0;
  const bad = UNSTORABLE.test(value);
  UNSTORABLE.lastIndex = 0;
  return !bad;
}

/**
 * Whether a value's JSON text (JSON.stringify's) shows nothing Postgres can't store. JSON.stringify
 * writes U+0000 as `\u0000` and a lone surrogate as an escape from `\ud800` to `\udfff` (a paired one
 * as itself), so a text without those escapes holds neither. (A text with a literal backslash before "u0000" only
 * looks suspect: the caller then takes the slow path, which finds nothing to replace.)
 */
export function jsonTextIsStorable(json: string): boolean {
  return !SUSPECT_ESCAPE.test(json);
}

const SUSPECT_ESCAPE = /\\u0000|\\ud[89a-f]/i;

/**
 * A deep copy of a JSON value with its strings (object keys too) made storable; `changed` says
 * whether anything was replaced. Values that are not JSON (functions, undefined) don't occur in a
 * parsed update and are copied as they are.
 */
export function sanitizeJson(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const clean = (s: string) => {
    const out = sanitizeString(s);
    if (out !== s) changed = true;
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      // defineProperty, not assignment: a "__proto__" key must stay a key, not become the prototype.
      for (const [k, inner] of Object.entries(v))
        Object.defineProperty(out, clean(k), {
          value: walk(inner),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    return v;
  };
  const result = walk(value);
  return { value: result, changed };
}

/**
 * The update's JSON text, storable in a `text` column whatever it contains: JSON.stringify escapes
 * U+0000 (as `\u0000`) and lone surrogates (as `\ud800`–`\udfff` escapes, since ES2019), so the text itself holds
 * neither, and JSON.parse gives back the update exactly as Telegram sent it.
 */
export function originalJsonOf(update: unknown): string {
  try {
    return JSON.stringify(update) ?? "null";
  } catch (err) {
    // Only absurd nesting gets here (a stack overflow); what it was is still worth a line.
    return JSON.stringify({ unserializable: String(err) });
  }
}
