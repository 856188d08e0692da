/**
 * A tiny, safe JSON path for mapping an API's answer into variables: `data.items[0].id`,
 * `["odd key"].x`, `items[-1]` (the last one). Only property names and array indexes — no filters,
 * no wildcards, no code: the path is parsed into segments and walked, nothing is evaluated.
 */

export type PathSegment = string | number;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*/;

/** The path's segments, or an error a marketer can act on. An empty path means the whole body. */
export function parseJsonPath(
  path: string,
): { ok: true; segments: PathSegment[] } | { ok: false; error: string } {
  const segments: PathSegment[] = [];
  let rest = path.trim();
  if (rest === "" || rest === "$") return { ok: true, segments };
  if (rest.startsWith("$.")) rest = rest.slice(2);
  else if (rest.startsWith("$")) rest = rest.slice(1);
  let first = true;
  while (rest.length > 0) {
    if (rest.startsWith("[")) {
      const close = rest.indexOf("]");
      if (close < 0) return { ok: false, error: `"[" without "]" in "${path}".` };
      const inner = rest.slice(1, close).trim();
      const quoted = /^"((?:[^"\\]|\\.)*)"$|^'((?:[^'\\]|\\.)*)'$/.exec(inner);
      if (quoted) segments.push((quoted[1] ?? quoted[2] ?? "").replace(/\\(.)/g, "$1"));
      else if (/^-?\d{1,9}$/.test(inner)) segments.push(Number(inner));
      else return { ok: false, error: `"[${inner}]" in "${path}" is neither an index nor a quoted name.` };
      rest = rest.slice(close + 1);
    } else {
      if (!first) {
        if (!rest.startsWith("."))
          return { ok: false, error: `Expected "." or "[" at "${rest}" in "${path}".` };
        rest = rest.slice(1);
      }
      const m = IDENT.exec(rest);
      if (!m) return { ok: false, error: `Expected a name at "${rest}" in "${path}".` };
      segments.push(m[0]);
      rest = rest.slice(m[0].length);
    }
    first = false;
    if (segments.length > 32) return { ok: false, error: `"${path}" is deeper than 32 levels.` };
  }
  return { ok: true, segments };
}

/** The value at `segments`, or undefined when any step is missing. Own properties only. */
export function readJsonPath(value: unknown, segments: readonly PathSegment[]): unknown {
  let at: unknown = value;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(at)) return undefined;
      const index = segment < 0 ? at.length + segment : segment;
      at = at[index];
    } else {
      if (at === null || typeof at !== "object" || Array.isArray(at)) return undefined;
      if (!Object.hasOwn(at, segment)) return undefined;
      at = (at as Record<string, unknown>)[segment];
    }
    if (at === undefined) return undefined;
  }
  return at;
}

/** How a JSON value is kept in a (string) variable: strings as they are, the rest as JSON; null is "". */
export function jsonValueAsText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
