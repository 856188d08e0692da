/** Joins class names, skipping falsy ones. */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}

const GROUPS: RegExp[] = [
  /^px-/,
  /^py-/,
  /^pr-/,
  /^pl-/,
  /^h-/,
  /^w-/,
  /^min-h-/,
  /^rounded(-|$)/,
  /^text-(xs|sm|base|lg|xl|\d?xl|\[)/,
];
const groupOf = (token: string) => GROUPS.findIndex((g) => g.test(token.replace(/^[a-z-]+:/, "")));

/**
 * Like cn(), but a class in `overrides` replaces the base classes of the same kind (padding, height,
 * width, radius, text size), so components can take a className without CSS-order surprises.
 */
export function cnMerge(base: string, ...overrides: Array<string | false | null | undefined>): string {
  const extra = cn(...overrides);
  if (!extra) return base;
  const overridden = new Set(
    extra
      .split(/\s+/)
      .filter((t) => !t.includes(":"))
      .map(groupOf)
      .filter((g) => g >= 0),
  );
  const kept = base.split(/\s+/).filter((t) => {
    if (t.includes(":")) return true;
    const g = groupOf(t);
    return g < 0 || !overridden.has(g);
  });
  return `${kept.join(" ")} ${extra}`;
}
