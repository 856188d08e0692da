// Explicit `entities` / `caption_entities` checked at least as strictly as Telegram applies them
// (Bot API "MessageEntity" and "Formatting options"): offsets and lengths are UTF-16 code units inside
// the text, and entities nest only as Telegram allows. Telegram quietly drops or trims some broken
// entities; the sandbox refuses them instead, so a bot that sends them fails its tests.

import type { TgMessageEntity } from "../types";
import { FormattingError } from "./common";

const KNOWN_TYPES = new Set([
  "mention",
  "hashtag",
  "cashtag",
  "bot_command",
  "url",
  "email",
  "phone_number",
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "spoiler",
  "blockquote",
  "expandable_blockquote",
  "code",
  "pre",
  "text_link",
  "text_mention",
  "custom_emoji",
]);

/** "bold, italic, underline, strikethrough, and spoiler entities can contain and can be part of any other entities, except pre and code." */
const NESTABLE = new Set(["bold", "italic", "underline", "strikethrough", "spoiler", "custom_emoji"]);
/** "pre and code entities can't contain other entities." */
const VERBATIM = new Set(["pre", "code"]);
const BLOCKQUOTES = new Set(["blockquote", "expandable_blockquote"]);

function mayContain(outer: string, inner: string): boolean {
  if (VERBATIM.has(outer)) return false;
  if (NESTABLE.has(inner) || NESTABLE.has(outer)) return true;
  // "blockquote and expandable_blockquote entities can't be nested"; "all other entities can't contain each other".
  return BLOCKQUOTES.has(outer) && !BLOCKQUOTES.has(inner);
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** A boundary between the two halves of a surrogate pair cuts a character in half. */
const splitsPair = (text: string, at: number) =>
  at > 0 &&
  at < text.length &&
  isHighSurrogate(text.charCodeAt(at - 1)) &&
  isLowSurrogate(text.charCodeAt(at));

const LINK = /^(?:https?:\/\/[^\s/?#]+\.[^\s/?#]+|tg:\/\/\S+)\S*$/i;

/** Throws FormattingError for the first entity Telegram would not apply as given. */
export function checkExplicitEntities(text: string, raw: unknown[]): TgMessageEntity[] {
  const entities = raw.map((e, i) => checkOne(text, e, i));
  const sorted = entities
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.offset - b.e.offset || b.e.length - a.e.length);
  for (let a = 0; a < sorted.length; a++) {
    const outer = sorted[a]!.e;
    const outerEnd = outer.offset + outer.length;
    for (let b = a + 1; b < sorted.length; b++) {
      const inner = sorted[b]!.e;
      if (inner.offset >= outerEnd) break;
      const innerEnd = inner.offset + inner.length;
      if (innerEnd > outerEnd)
        throw new FormattingError(`entities ${sorted[a]!.i} and ${sorted[b]!.i} partially overlap`);
      const sameRange = inner.offset === outer.offset && innerEnd === outerEnd;
      if (!mayContain(outer.type, inner.type) && !(sameRange && mayContain(inner.type, outer.type)))
        throw new FormattingError(`a ${outer.type} entity can't contain a ${inner.type} entity`);
    }
  }
  return entities;
}

function checkOne(text: string, raw: unknown, index: number): TgMessageEntity {
  const at = `entity ${index}`;
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new FormattingError(`${at} is not an object`);
  const e = raw as Record<string, unknown>;
  const { type, offset, length } = e;
  if (typeof type !== "string" || !KNOWN_TYPES.has(type))
    throw new FormattingError(`${at} has an unsupported type ${JSON.stringify(type)}`);
  if (!Number.isInteger(offset) || (offset as number) < 0)
    throw new FormattingError(`${at} has an invalid offset`);
  if (!Number.isInteger(length) || (length as number) < 1)
    throw new FormattingError(`${at} has an invalid length`);
  const start = offset as number;
  const end = start + (length as number);
  if (end > text.length)
    throw new FormattingError(`${at} ends at ${end}, after the text's ${text.length} UTF-16 code units`);
  if (splitsPair(text, start) || splitsPair(text, end))
    throw new FormattingError(`${at} cuts a surrogate pair in half`);
  const out: TgMessageEntity = { type, offset: start, length: length as number };
  if (type === "text_link") {
    if (typeof e.url !== "string" || !LINK.test(e.url))
      throw new FormattingError(`${at} has a wrong HTTP URL`);
    out.url = e.url;
  }
  if (type === "pre" && e.language !== undefined) {
    if (typeof e.language !== "string") throw new FormattingError(`${at} has an invalid language`);
    if (e.language) out.language = e.language;
  }
  if (type === "text_mention") {
    const user = e.user as { id?: unknown } | undefined;
    if (!user || !Number.isInteger(user.id)) throw new FormattingError(`${at} needs a user`);
    out.user = user as TgMessageEntity["user"] & object;
  }
  if (type === "custom_emoji") {
    if (typeof e.custom_emoji_id !== "string" || !e.custom_emoji_id)
      throw new FormattingError(`${at} needs a custom_emoji_id`);
    out.custom_emoji_id = e.custom_emoji_id;
  }
  return out;
}
