/** An unpaired UTF-16 surrogate (half an emoji): jsonb refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Postgres stores neither U+0000 (text or jsonb) nor, in jsonb, an unpaired surrogate. */
export const isStorableText = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

/** Where in `value` a string or key Postgres can't store is ("steps.0.config.text"), or null. */
export function unstorablePath(value: unknown): string | null {
  // A loop, not recursion: a hostile document may be nested millions of levels deep. Each node keeps only
  // its parent and key; the path is spelled out once, when something is found (building it for every
  // node made a 5 MB file of nested arrays take tens of seconds).
  const nodes: Array<{ value: unknown; parent: number; key: string }> = [{ value, parent: -1, key: "" }];
  const pathOf = (index: number, lastKey?: string) => {
    const keys = lastKey === undefined ? [] : [lastKey];
    for (let i = index; i > 0; i = nodes[i]!.parent) keys.push(nodes[i]!.key);
    return clipPath(keys.reverse().join("."));
  };
  const stack = [0];
  while (stack.length) {
    const index = stack.pop()!;
    const node = nodes[index]!.value;
    if (typeof node === "string") {
      if (!isStorableText(node)) return pathOf(index) || "(the document)";
    } else if (node && typeof node === "object")
      for (const [key, child] of Object.entries(node)) {
        if (!isStorableText(key)) return pathOf(index, key);
        // Only containers and strings can hold what we look for.
        if (typeof child === "string" || (child && typeof child === "object")) {
          stack.push(nodes.length);
          nodes.push({ value: child, parent: index, key });
        }
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
