/**
 * `{{path}}` templates with an optional default: `{{fields.city | "unknown"}}`.
 * Deliberately tiny (no logic, no filters): marketers write these, and the brief's syntax is not
 * Mustache/Liquid. A missing value renders as the default or as empty text, never as an error.
 */

export interface TemplateContext {
  name: string;
  username: string;
  chatId: string;
  createdAt: string;
  fields: Record<string, string>;
  vars: Record<string, string>;
  bot: Record<string, string>;
  tracker: Record<string, string>;
}

const TOKEN = /\{\{\s*([^{}|]+?)\s*(?:\|\s*"((?:[^"\\]|\\.)*)"\s*)?\}\}/g;
const TOKEN_AT = new RegExp(TOKEN.source, "y");

/** The `{{…}}` token starting exactly at `index` of `source`, or null. */
export function templateTokenAt(source: string, index: number): string | null {
  TOKEN_AT.lastIndex = index;
  return TOKEN_AT.exec(source)?.[0] ?? null;
}

export interface TemplateReference {
  /** As written, e.g. "vars.email". */
  path: string;
  hasDefault: boolean;
}

export function templateReferences(template: string): TemplateReference[] {
  const refs: TemplateReference[] = [];
  for (const m of template.matchAll(TOKEN)) refs.push({ path: m[1]!.trim(), hasDefault: m[2] !== undefined });
  return refs;
}

const SCALAR_ROOTS = ["name", "username", "chatId", "createdAt"] as const;
const MAP_ROOTS = ["fields", "vars", "variables", "bot", "tracker"] as const;

/** Whether `path` names something a template can read (not whether it has a value). */
export function isKnownPath(path: string): boolean {
  if ((SCALAR_ROOTS as readonly string[]).includes(path)) return true;
  const dot = path.indexOf(".");
  if (dot < 0) return false;
  const root = path.slice(0, dot);
  return (MAP_ROOTS as readonly string[]).includes(root) && /^[A-Za-z0-9_-]+$/.test(path.slice(dot + 1));
}

function lookup(ctx: TemplateContext, path: string): string | undefined {
  switch (path) {
    case "name":
      return ctx.name;
    case "username":
      return ctx.username;
    case "chatId":
      return ctx.chatId;
    case "createdAt":
      return ctx.createdAt;
  }
  const dot = path.indexOf(".");
  if (dot < 0) return undefined;
  const key = path.slice(dot + 1);
  const root = path.slice(0, dot);
  const map =
    root === "fields"
      ? ctx.fields
      : root === "vars" || root === "variables"
        ? ctx.vars
        : root === "bot"
          ? ctx.bot
          : root === "tracker"
            ? ctx.tracker
            : undefined;
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** `escapeValue` (optional) is applied to every substituted value, e.g. to keep a JSON body valid. */
export function renderTemplate(
  template: string,
  ctx: TemplateContext,
  escapeValue: (value: string) => string = (v) => v,
): string {
  if (!template.includes("{{")) return template;
  return template.replace(TOKEN, (_all, rawPath: string, fallback: string | undefined) => {
    const value = lookup(ctx, rawPath.trim());
    if (value !== undefined && value !== "") return escapeValue(value);
    return fallback === undefined ? "" : escapeValue(fallback.replace(/\\(.)/g, "$1"));
  });
}
