import { type FlowDocument, type Step, stepRegistry } from "@switchboard/flow";

/* Finding steps by title or text (Ctrl+K). Pure, so it is unit-tested. */

export interface StepMatch {
  step: Step;
  /** What the step is called on the canvas: its title, or its type's name. */
  name: string;
  /** Where the query was found when not in the name: a piece of the step's text around it. */
  excerpt: string | null;
}

const MAX_RESULTS = 50;
const EXCERPT_RADIUS = 40;

/** Every text a step holds (its message, button labels, questions…), from its config. */
export function stepTexts(step: Step): string[] {
  const out: string[] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 6 || out.length > 200) return;
    if (typeof value === "string") {
      if (value.trim()) out.push(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v, depth + 1);
    else if (value && typeof value === "object") for (const v of Object.values(value)) walk(v, depth + 1);
  };
  walk(step.config, 0);
  walk(step.aliases, 0);
  return out;
}

const fold = (s: string) => s.toLocaleLowerCase();

function excerptAround(text: string, at: number, length: number): string {
  const start = Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(text.length, at + length + EXCERPT_RADIUS);
  const flat = text.slice(start, end).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${flat}${end < text.length ? "…" : ""}`;
}

/**
 * The steps whose name or text holds every word of the query, best first: a name starting with it,
 * then a name holding it, then text holding it (each in the draft's order). An empty query lists
 * every step.
 */
export function searchSteps(doc: FlowDocument, query: string): StepMatch[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const ranked: { match: StepMatch; rank: number; index: number }[] = [];
  doc.steps.forEach((step, index) => {
    const name = step.title || stepRegistry[step.type]?.label || step.type;
    if (words.length === 0) {
      ranked.push({ match: { step, name, excerpt: null }, rank: 0, index });
      return;
    }
    const foldedName = fold(name);
    const texts = stepTexts(step);
    const haystack = `${foldedName}\n${fold(stepRegistry[step.type]?.label ?? "")}\n${texts.map(fold).join("\n")}`;
    if (!words.every((w) => haystack.includes(w))) return;
    const phrase = words.join(" ");
    const rank = foldedName.startsWith(phrase) ? 0 : words.every((w) => foldedName.includes(w)) ? 1 : 2;
    let excerpt: string | null = null;
    if (rank === 2) {
      const first = words.find((w) => !foldedName.includes(w)) ?? words[0]!;
      const text = texts.find((t) => fold(t).includes(first));
      if (text) excerpt = excerptAround(text, fold(text).indexOf(first), first.length);
    }
    ranked.push({ match: { step, name, excerpt }, rank, index });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, MAX_RESULTS)
    .map((r) => r.match);
}

/** The next highlighted row for an arrow key, wrapping around. */
export function moveHighlight(current: number, count: number, key: "ArrowDown" | "ArrowUp"): number {
  if (count === 0) return 0;
  return key === "ArrowDown" ? (current + 1) % count : (current - 1 + count) % count;
}
