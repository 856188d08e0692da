// parse_mode=HTML, modelled on TDLib's parse_html: converts the supported tags to entities and
// rejects what Telegram rejects, with Telegram's wording, so broken markup fails here first.

import type { TgMessageEntity } from "../types";
import { byteOffset, type Formatted, FormattingError, sortEntities } from "./common";

const TAG_ENTITY: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

interface OpenTag {
  tag: string;
  start: number;
  attrs: Map<string, string>;
}

export function parseHtml(src: string): Formatted {
  let text = "";
  const entities: TgMessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;

  while (i < src.length) {
    const c = src[i] ?? "";
    if (c === "&") {
      const decoded = decodeEntity(src, i);
      text += decoded.value;
      i = decoded.next;
      continue;
    }
    if (c !== "<") {
      text += c;
      i += 1;
      continue;
    }

    const begin = i;
    const close = src.indexOf(">", i);
    if (src[i + 1] === "/") {
      if (close < 0) throw new FormattingError(`Unclosed end tag at byte offset ${byteOffset(src, begin)}`);
      const name = src
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const open = stack.pop();
      if (!open) throw new FormattingError(`Unexpected end tag at byte offset ${byteOffset(src, begin)}`);
      if (open.tag !== name) {
        throw new FormattingError(
          `Unmatched end tag at byte offset ${byteOffset(src, begin)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      closeTag(open, text, stack, entities);
      i = close + 1;
      continue;
    }

    // Start tag: the name runs until whitespace or '>' (so "1 < 2" yields the empty name "").
    let j = i + 1;
    while (j < src.length && !/[\s>]/.test(src[j] ?? "")) j += 1;
    const name = src.slice(i + 1, j).toLowerCase();
    if (j >= src.length)
      throw new FormattingError(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
    if (!(name in TAG_ENTITY)) {
      throw new FormattingError(`Unsupported start tag "${name}" at byte offset ${byteOffset(src, begin)}`);
    }
    if (close < 0) throw new FormattingError(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
    const attrs = parseAttributes(src.slice(j, close));
    if (name === "span" && attrs.get("class") !== "tg-spoiler") {
      throw new FormattingError('Tag "span" must have class "tg-spoiler"');
    }
    stack.push({ tag: name, start: text.length, attrs });
    i = close + 1;
  }

  const unclosed = stack.pop();
  if (unclosed) {
    throw new FormattingError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  }
  return { text, entities: sortEntities(entities) };
}

function closeTag(open: OpenTag, text: string, stack: OpenTag[], entities: TgMessageEntity[]): void {
  const length = text.length - open.start;
  if (length === 0) return; // Telegram drops empty entities.
  const base = { offset: open.start, length };
  const parent = stack[stack.length - 1];
  const language = open.attrs.get("class")?.match(/^language-(.+)$/)?.[1];
  switch (open.tag) {
    case "a": {
      const href = open.attrs.get("href");
      if (href) entities.push({ type: "text_link", ...base, url: href });
      return;
    }
    case "tg-emoji":
      entities.push({ type: "custom_emoji", ...base, custom_emoji_id: open.attrs.get("emoji-id") ?? "" });
      return;
    case "blockquote":
      entities.push({ type: open.attrs.has("expandable") ? "expandable_blockquote" : "blockquote", ...base });
      return;
    case "code":
      // <pre><code class="language-x"> is one pre entity with a language, as in Telegram.
      if (parent?.tag === "pre" && language) {
        parent.attrs.set("language", language);
        return;
      }
      entities.push({ type: "code", ...base });
      return;
    case "pre": {
      const lang = open.attrs.get("language");
      entities.push({ type: "pre", ...base, ...(lang ? { language: lang } : {}) });
      return;
    }
    default:
      entities.push({ type: TAG_ENTITY[open.tag] ?? "bold", ...base });
  }
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const pattern = /([A-Za-z0-9_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const name = match[1]?.toLowerCase();
    if (!name) continue;
    const value = match[2] ?? match[3] ?? match[4] ?? "";
    attrs.set(name, decodeAll(value));
  }
  return attrs;
}

function decodeAll(value: string): string {
  let out = "";
  let i = 0;
  while (i < value.length) {
    if (value[i] === "&") {
      const decoded = decodeEntity(value, i);
      out += decoded.value;
      i = decoded.next;
    } else {
      out += value[i];
      i += 1;
    }
  }
  return out;
}

/** Decodes the entity at `src[i] === "&"`; unknown or unterminated ones stay literal, like Telegram. */
function decodeEntity(src: string, i: number): { value: string; next: number } {
  const match = src.slice(i, i + 12).match(/^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/);
  if (!match?.[1]) return { value: "&", next: i + 1 };
  const body = match[1];
  const next = i + match[0].length;
  if (body.startsWith("#")) {
    const code =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (code > 0 && code <= 0x10ffff) return { value: String.fromCodePoint(code), next };
    return { value: "&", next: i + 1 };
  }
  const named = NAMED_ENTITIES[body.toLowerCase()];
  return named === undefined ? { value: "&", next: i + 1 } : { value: named, next };
}
