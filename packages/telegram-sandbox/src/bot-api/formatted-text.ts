// Turns text/caption + parse_mode (or explicit entities) into final text + entities, the way
// Telegram does before applying its length limits.

import { badRequest, Errors } from "../errors";
import { type Formatted, FormattingError, sortEntities } from "../formatting/common";
import { checkExplicitEntities } from "../formatting/explicit-entities";
import { parseHtml } from "../formatting/html";
import { parseLegacyMarkdown, parseMarkdownV2 } from "../formatting/markdown";
import type { Params } from "../http/params";

/** Returns undefined when the text field is absent. */
export function formatText(params: Params, field: "text" | "caption"): Formatted | undefined {
  const source = params.string(field);
  if (source === undefined) return undefined;
  const entitiesField = field === "text" ? "entities" : "caption_entities";
  const explicit = params.json(entitiesField, "can't parse entities JSON object");
  if (explicit !== undefined) {
    if (!Array.isArray(explicit)) throw badRequest("can't parse entities JSON object");
    try {
      return { text: source, entities: sortEntities(checkExplicitEntities(source, explicit)) };
    } catch (error) {
      if (error instanceof FormattingError) throw Errors.cantParseEntities(error.message);
      throw error;
    }
  }
  const mode = (params.string("parse_mode") ?? "").toLowerCase();
  try {
    switch (mode) {
      case "":
        return { text: source, entities: [] };
      case "html":
        return parseHtml(source);
      case "markdownv2":
        return parseMarkdownV2(source);
      case "markdown":
        return parseLegacyMarkdown(source);
      default:
        throw badRequest("unsupported parse_mode");
    }
  } catch (error) {
    if (error instanceof FormattingError) throw Errors.cantParseEntities(error.message);
    throw error;
  }
}

/** Message text: required, not blank, at most 4096 UTF-16 code units after parsing. */
export function requireMessageText(params: Params): Formatted {
  const formatted = formatText(params, "text");
  if (!formatted || formatted.text.trim() === "") throw Errors.textEmpty();
  if (formatted.text.length > 4096) throw Errors.textTooLong();
  return formatted;
}

/** Optional caption: at most 1024 UTF-16 code units after parsing. */
export function optionalCaption(params: Params): Formatted | undefined {
  const formatted = formatText(params, "caption");
  if (!formatted || formatted.text === "") return undefined;
  if (formatted.text.length > 1024) throw Errors.captionTooLong();
  return formatted;
}
