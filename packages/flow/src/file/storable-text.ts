/** An unpaired UTF-16 surrogate (half an emoji): jsonb refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Postgres stores neither U+0000 (text or jsonb) nor, in jsonb, an unpaired surrogate. */
export const isStorableText = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

/** Where in `value` a string or key Postgres can't store is ("steps.0.config.text"), or null. */
export function unstorablePath(value: unknown): string | null {
  // A loop, not recursion: a hostile document may be nested thousands of levels deep.
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === "string") {
      if (!isStorableText(node)) return clipPath(path) || "(the document)";
    } else if (node && typeof node === "object")
      for (const [key, child] of Object.entries(node)) {
        const at = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return clipPath(at);
        stack.push([child, at]);
      }
  }
  return null;
}

/**
 * A path short enough for a sentence: keys of a hostile upload may be huge and its nesting thousands deep,
 * and the path is shown to a person. Cut by code points, so no emoji is cut in half.
 */
function clipPath(path: string): string {
  const points = Array.from(path);
  return points.length <= 120 ? path : `${points.slice(0, 60).join("")}…${points.slice(-50).join("")}`;
}
