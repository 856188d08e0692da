/**
 * Formatted message text: a small, strict subset of Telegram's HTML stored in a step's text field,
 * rendered to plain text plus Telegram `entities` (offsets and lengths in UTF-16 code units, which is
 * what JavaScript string indices are).
 *
 * Why markup in the existing string instead of a separate entity list: every step keeps its one `text`
 * field (old flows stay valid and unchanged), templates keep working inside formatting, and exports
 * stay readable. Why entities on the wire instead of `parse_mode: "HTML"`: the markup is parsed from
 * the template *before* variables are substituted, so a value like `<b>` or `*x*` typed by a user is
 * always plain text; there is nothing to escape and nothing a variable can inject.
 *
 * The markup (see docs/flow-format.md):
 * - `<b>` `<i>` `<u>` `<s>` `<tg-spoiler>` `<code>` `<pre>` and `<a href="URL">`, lower case, no other
 *   attributes; each must be closed in order (`<b><i>x</i></b>`).
 * - `&lt;` `&gt;` `&amp;` `&quot;` stand for `<` `>` `&` `"`.
 * - Anything else is literal text: an unknown, unpaired or crossed tag shows as typed, so plain text
 *   written before formatting existed ("a <b> c", "1 < 2") renders exactly as before.
 * - A tag Telegram could not nest where it stands is literal: inside `<code>` and `<pre>` every tag, and
 *   `<code>`, `<pre>` or another link inside a link.
 */

import { renderTemplate, type TemplateContext, templateTokenAt } from "./template";

export const FORMAT_TYPES = [
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "spoiler",
  "code",
  "pre",
  "text_link",
] as const;
export type FormatType = (typeof FORMAT_TYPES)[number];

/** A Telegram MessageEntity of one of the types Switchboard writes. */
export interface MessageEntity {
  type: FormatType;
  /** In UTF-16 code units. */
  offset: number;
  /** In UTF-16 code units, at least 1. */
  length: number;
  /** text_link only. */
  url?: string;
}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** The tag of each type in the markup. */
export const FORMAT_TAGS: Record<Exclude<FormatType, "text_link">, string> = {
  bold: "b",
  italic: "i",
  underline: "u",
  strikethrough: "s",
  spoiler: "tg-spoiler",
  code: "code",
  pre: "pre",
};
const TYPE_OF_TAG = new Map<string, FormatType>(
  Object.entries(FORMAT_TAGS).map(([type, tag]) => [tag, type as FormatType]),
);
TYPE_OF_TAG.set("a", "text_link");

const ESCAPES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };

type Token =
  | { kind: "text"; text: string }
  | { kind: "template"; source: string }
  | { kind: "open"; type: FormatType; source: string; href?: string }
  | { kind: "close"; type: FormatType; source: string };

const OPEN_TAG = /<(b|i|u|s|tg-spoiler|code|pre)>|<a href="([^"<>]*)">/y;
const CLOSE_TAG = /<\/(b|i|u|s|tg-spoiler|code|pre|a)>/y;
const ESCAPE = /&(?:lt|gt|amp|quot);/y;

function matchAt(re: RegExp, source: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(source);
}

/** Splits markup into tokens; every tag is a candidate, pairing decides later which ones count. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let text = "";
  const flush = () => {
    if (text) tokens.push({ kind: "text", text });
    text = "";
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "{") {
      const token = templateTokenAt(source, i);
      if (token) {
        flush();
        tokens.push({ kind: "template", source: token });
        i += token.length;
        continue;
      }
    } else if (ch === "<") {
      const open = matchAt(OPEN_TAG, source, i);
      if (open) {
        flush();
        const type = TYPE_OF_TAG.get(open[1] ?? "a")!;
        tokens.push({
          kind: "open",
          type,
          source: open[0],
          ...(open[2] !== undefined ? { href: open[2] } : {}),
        });
        i += open[0].length;
        continue;
      }
      const close = matchAt(CLOSE_TAG, source, i);
      if (close) {
        flush();
        tokens.push({ kind: "close", type: TYPE_OF_TAG.get(close[1]!)!, source: close[0] });
        i += close[0].length;
        continue;
      }
    } else if (ch === "&") {
      const esc = matchAt(ESCAPE, source, i);
      if (esc) {
        text += ESCAPES[esc[0]]!;
        i += esc[0].length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return tokens;
}

const isVerbatim = (type: FormatType) => type === "code" || type === "pre";
const NESTABLE = new Set<FormatType>(["bold", "italic", "underline", "strikethrough", "spoiler"]);

/**
 * Telegram's nesting rules: code and pre contain nothing; bold, italic, underline, strikethrough and
 * spoiler may contain and be inside anything else; other entities (links) can't contain each other.
 */
export function mayContain(outer: FormatType, inner: FormatType): boolean {
  if (isVerbatim(outer)) return false;
  return NESTABLE.has(inner) || NESTABLE.has(outer);
}

/**
 * Pairs open and close tags (a stack: a close tag counts only when it closes the innermost open
 * tag); tags that pair with nothing become literal text.
 */
function pair(tokens: Token[]): Token[] {
  const stack: number[] = [];
  const literal = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.kind !== "open" && t.kind !== "close") return;
    const top = stack.length ? (tokens[stack[stack.length - 1]!] as Token & { type: FormatType }) : null;
    if (t.kind === "open") {
      const fits = stack.every((o) => mayContain((tokens[o] as Token & { type: FormatType }).type, t.type));
      if (fits) stack.push(i);
      else literal.add(i);
    } else if (top && top.type === t.type) stack.pop();
    else literal.add(i);
  });
  for (const i of stack) literal.add(i);
  return tokens.map((t, i) =>
    literal.has(i) && (t.kind === "open" || t.kind === "close") ? { kind: "text", text: t.source } : t,
  );
}

/** Telegram orders entities by offset, outer (longer) ones first. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/** A link's address must be one Telegram opens: http(s) or tg://, no spaces. */
const LINK_URL = /^(?:https?:\/\/[^\s/?#]+\.[^\s/?#]+|tg:\/\/[^\s]+)[^\s]*$/i;
export const isLinkUrl = (url: string) => LINK_URL.test(url);

/**
 * Renders formatted markup: tags become entities, `{{templates}}` are substituted as plain text
 * (never parsed), links' addresses get their substituted values URL-encoded. Entities that end up
 * empty (a bold variable that was blank) or links with an address Telegram would refuse are dropped.
 */
export function renderFormatted(source: string, ctx: TemplateContext): FormattedText {
  return formatWith(source, {
    token: (token) => renderTemplate(token, ctx),
    href: (href) => renderTemplate(href, ctx, encodeURIComponent).trim(),
  });
}

/**
 * The formatting as the builder previews it: `{{templates}}` shown as written (they have no values
 * yet), tags as entities, exactly as `renderFormatted` would place them.
 */
export function previewFormatted(source: string): FormattedText {
  return formatWith(source, { token: (token) => token, href: (href) => href.trim() });
}

function formatWith(
  source: string,
  render: { token: (token: string) => string; href: (href: string) => string },
): FormattedText {
  const tokens = pair(tokenize(source));
  let text = "";
  const entities: MessageEntity[] = [];
  const open: { type: FormatType; offset: number; url?: string }[] = [];
  for (const t of tokens) {
    switch (t.kind) {
      case "text":
        text += t.text;
        break;
      case "template":
        text += render.token(t.source);
        break;
      case "open":
        open.push({
          type: t.type,
          offset: text.length,
          ...(t.href !== undefined ? { url: render.href(unescapeHref(t.href)) } : {}),
        });
        break;
      case "close": {
        const o = open.pop()!;
        const length = text.length - o.offset;
        if (length === 0) break;
        if (o.type === "text_link" && !(o.url && isLinkUrl(o.url))) break;
        const duplicate = entities.some(
          (e) => e.type === o.type && e.offset === o.offset && e.length === length && e.url === o.url,
        );
        if (!duplicate)
          entities.push({ type: o.type, offset: o.offset, length, ...(o.url ? { url: o.url } : {}) });
        break;
      }
    }
  }
  return { text, entities: sortEntities(entities) };
}

const unescapeHref = (href: string) => href.replace(/&(?:lt|gt|amp|quot);/g, (e) => ESCAPES[e]!);

/** The addresses of the text's links, as written (templates unrendered). */
export function linkAddresses(source: string): string[] {
  return pair(tokenize(source)).flatMap((t) =>
    t.kind === "open" && t.href !== undefined ? [unescapeHref(t.href).trim()] : [],
  );
}

/**
 * Whether a link's address will be one Telegram opens once rendered: http(s) or tg://, with any
 * template only after the scheme and host (substituted values are URL-encoded, so a whole address
 * from a variable can't make a link).
 */
export function isSendableLink(href: string): boolean {
  return isLinkUrl(href.replace(/\{\{[^{}]*\}\}/g, "x.x"));
}

/** The text as the user will read it, with templates left as written (for lengths and previews). */
export function plainTextOf(source: string): string {
  return pair(tokenize(source))
    .map((t) => (t.kind === "text" ? t.text : t.kind === "template" ? t.source : ""))
    .join("");
}

/** What slicing needs of an entity: where it is (the rest of it is carried along). */
export interface EntitySpan {
  offset: number;
  length: number;
}

/** A text and entities of any Telegram entity shape (ours, or one a user's message came with). */
export interface TextWithEntities<E extends EntitySpan> {
  text: string;
  entities: E[];
}

/** The part [start, end) of a formatted text, entities clipped to it (for splitting long messages). */
export function sliceFormatted<E extends EntitySpan>(
  f: TextWithEntities<E>,
  start: number,
  end = f.text.length,
): TextWithEntities<E> {
  const entities: E[] = [];
  for (const e of f.entities) {
    const from = Math.max(e.offset, start);
    const to = Math.min(e.offset + e.length, end);
    if (to > from) entities.push({ ...e, offset: from - start, length: to - from });
  }
  return { text: f.text.slice(start, end), entities };
}
