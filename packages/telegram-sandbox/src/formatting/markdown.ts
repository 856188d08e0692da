// parse_mode=MarkdownV2 and legacy Markdown, modelled on TDLib's parsers. The MarkdownV2 rule
// that trips up real bots most (every reserved character outside an entity must be escaped) is
// enforced with Telegram's exact message.

import type { TgMessageEntity } from "../types";
import { byteOffset, type Formatted, FormattingError, sortEntities } from "./common";

const RESERVED = new Set("_*[]()~`>#+-=|{}.!".split(""));

type V2Type =
  | "bold"
  | "italic"
  | "underline"
  | "strikethrough"
  | "spoiler"
  | "code"
  | "pre"
  | "text_link"
  | "custom_emoji";

/** TDLib's names for entity types in "Can't find end of X entity" errors. */
const V2_NAMES: Record<V2Type, string> = {
  bold: "Bold",
  italic: "Italic",
  underline: "Underline",
  strikethrough: "Strikethrough",
  spoiler: "Spoiler",
  code: "Code",
  pre: "Pre",
  text_link: "TextUrl",
  custom_emoji: "CustomEmoji",
};

interface Open {
  type: V2Type;
  srcIndex: number;
  start: number;
  language?: string;
}

const reserved = (c: string) =>
  new FormattingError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);

export function parseMarkdownV2(src: string): Formatted {
  let text = "";
  const entities: TgMessageEntity[] = [];
  const stack: Open[] = [];
  let quote: { start: number; expandable: boolean } | null = null;
  let i = 0;

  const closeQuote = () => {
    if (!quote) return;
    // The quote covers its lines without the final line break.
    const end = text.endsWith("\n") ? text.length - 1 : text.length;
    if (end > quote.start) {
      entities.push({
        type: quote.expandable ? "expandable_blockquote" : "blockquote",
        offset: quote.start,
        length: end - quote.start,
      });
    }
    quote = null;
  };

  while (i < src.length) {
    const c = src[i] ?? "";
    const next = src[i + 1] ?? "";
    const top = stack[stack.length - 1];
    const inCode = top?.type === "code" || top?.type === "pre";

    if (c === "\\" && next && next.charCodeAt(0) > 0 && next.charCodeAt(0) < 127) {
      text += next;
      i += 2;
      continue;
    }

    // Blockquotes are line based: ">" (or "**>" for expandable) at the start of a line.
    const lineStart = i === 0 || src[i - 1] === "\n";
    if (lineStart && !inCode) {
      if (c === ">") {
        if (!quote) quote = { start: text.length, expandable: false };
        i += 1;
        continue;
      }
      if (src.startsWith("**>", i)) {
        closeQuote();
        quote = { start: text.length, expandable: true };
        i += 3;
        continue;
      }
      closeQuote();
    }
    if (quote?.expandable && src.startsWith("||", i) && (i + 2 === src.length || src[i + 2] === "\n")) {
      i += 2; // "||" marks the end of an expandable quote's visible part
      continue;
    }

    if (inCode) {
      const isEnd = top?.type === "pre" ? src.startsWith("```", i) : c === "`";
      if (!isEnd) {
        text += c;
        i += 1;
        continue;
      }
    } else if (!RESERVED.has(c)) {
      text += c;
      i += 1;
      continue;
    }

    const endLength = matchEnd(top, src, i);
    if (top && endLength > 0) {
      stack.pop();
      i += endLength;
      i = finishEntity(top, src, i, text, entities);
      continue;
    }

    // Not an end marker, so it must start an entity (or be an unescaped reserved character).
    const start = text.length;
    if (c === "_" && next === "_") {
      stack.push({ type: "underline", srcIndex: i, start });
      i += 2;
    } else if (c === "_") {
      stack.push({ type: "italic", srcIndex: i, start });
      i += 1;
    } else if (c === "*") {
      stack.push({ type: "bold", srcIndex: i, start });
      i += 1;
    } else if (c === "~") {
      stack.push({ type: "strikethrough", srcIndex: i, start });
      i += 1;
    } else if (c === "|" && next === "|") {
      stack.push({ type: "spoiler", srcIndex: i, start });
      i += 2;
    } else if (c === "[") {
      stack.push({ type: "text_link", srcIndex: i, start });
      i += 1;
    } else if (c === "!" && next === "[") {
      stack.push({ type: "custom_emoji", srcIndex: i, start });
      i += 2;
    } else if (src.startsWith("```", i)) {
      const newline = src.indexOf("\n", i + 3);
      const header = newline < 0 ? "" : src.slice(i + 3, newline);
      const hasLanguage = newline >= 0 && /^[^\s`]+$/.test(header);
      stack.push({ type: "pre", srcIndex: i, start, ...(hasLanguage ? { language: header } : {}) });
      i = hasLanguage ? newline + 1 : i + 3;
    } else if (c === "`") {
      stack.push({ type: "code", srcIndex: i, start });
      i += 1;
    } else {
      throw reserved(c);
    }
  }

  const unclosed = stack.pop();
  if (unclosed) {
    throw new FormattingError(
      `Can't find end of ${V2_NAMES[unclosed.type]} entity at byte offset ${byteOffset(src, unclosed.srcIndex)}`,
    );
  }
  closeQuote();
  return { text, entities: sortEntities(entities) };
}

/** Length of the end marker of `top` at src[i], or 0 when src[i] does not close it. */
function matchEnd(top: Open | undefined, src: string, i: number): number {
  const c = src[i];
  switch (top?.type) {
    case "bold":
      return c === "*" ? 1 : 0;
    case "italic":
      // "__" always means underline, greedily, so a single "_" closes italic.
      return c === "_" && src[i + 1] !== "_" ? 1 : 0;
    case "underline":
      return src.startsWith("__", i) ? 2 : 0;
    case "strikethrough":
      return c === "~" ? 1 : 0;
    case "spoiler":
      return src.startsWith("||", i) ? 2 : 0;
    case "text_link":
    case "custom_emoji":
      return c === "]" ? 1 : 0;
    case "pre":
      return src.startsWith("```", i) ? 3 : 0;
    case "code":
      return c === "`" ? 1 : 0;
    default:
      return 0;
  }
}

/** Records the entity for a closed marker; for links reads "(url)". Returns the new index. */
function finishEntity(open: Open, src: string, i: number, text: string, entities: TgMessageEntity[]): number {
  const base = { offset: open.start, length: text.length - open.start };
  let url = "";
  let next = i;
  if (open.type === "text_link" || open.type === "custom_emoji") {
    if (src[i] === "(") {
      let j = i + 1;
      while (j < src.length && src[j] !== ")") {
        if (src[j] === "\\" && j + 1 < src.length) j += 1;
        url += src[j];
        j += 1;
      }
      if (j >= src.length) {
        throw new FormattingError(`Can't find end of a URL at byte offset ${byteOffset(src, i)}`);
      }
      next = j + 1;
    } else {
      url = text.slice(open.start);
    }
  }
  if (base.length === 0) return next;
  if (open.type === "text_link") {
    if (url) entities.push({ type: "text_link", ...base, url });
  } else if (open.type === "custom_emoji") {
    const id = url.match(/^tg:\/\/emoji\?id=(\d+)$/)?.[1];
    if (!id) throw new FormattingError("Custom emoji URL must have an emoji identifier");
    entities.push({ type: "custom_emoji", ...base, custom_emoji_id: id });
  } else {
    entities.push({ type: open.type, ...base, ...(open.language ? { language: open.language } : {}) });
  }
  return next;
}

const LEGACY_TYPES: Record<string, string> = { "*": "bold", _: "italic", "`": "code", "[": "text_link" };

/** Legacy parse_mode=Markdown: no nesting, "\" escapes only _ * ` [, unclosed markers fail. */
export function parseLegacyMarkdown(src: string): Formatted {
  let text = "";
  const entities: TgMessageEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? "";
    if (c === "\\" && "_*`[".includes(src[i + 1] ?? "x")) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    const type = LEGACY_TYPES[c];
    if (!type) {
      text += c;
      i += 1;
      continue;
    }
    const begin = i;
    const isPre = src.startsWith("```", i);
    const endMarker = isPre ? "```" : c === "[" ? "]" : c;
    let j = i + (isPre ? 3 : 1);
    let language: string | undefined;
    if (isPre) {
      const newline = src.indexOf("\n", j);
      const header = newline < 0 ? "" : src.slice(j, newline);
      if (newline >= 0 && /^[^\s`]+$/.test(header)) {
        language = header;
        j = newline + 1;
      }
    }
    const end = src.indexOf(endMarker, j);
    if (end < 0) {
      throw new FormattingError(
        `Can't find end of the entity starting at byte offset ${byteOffset(src, begin)}`,
      );
    }
    const content = src.slice(j, end);
    const start = text.length;
    text += content;
    i = end + endMarker.length;
    let url: string | undefined;
    if (c === "[" && !isPre) {
      if (src[i] === "(") {
        const close = src.indexOf(")", i);
        if (close >= 0) {
          url = src.slice(i + 1, close);
          i = close + 1;
        }
      }
      url ??= content;
    }
    if (content.length === 0) continue;
    const base = { offset: start, length: content.length };
    if (isPre) entities.push({ type: "pre", ...base, ...(language ? { language } : {}) });
    else if (type === "text_link") entities.push({ type, ...base, url: url ?? content });
    else entities.push({ type, ...base });
  }
  return { text, entities: sortEntities(entities) };
}
