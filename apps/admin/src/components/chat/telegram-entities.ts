/**
 * Telegram message entities (offsets and lengths in UTF-16 code units, i.e. JavaScript string
 * indices) cut into flat runs of text with the set of styles that apply to each, so a chat bubble can
 * render formatting the way Telegram's apps do. Entities this view can't show (mentions, hashtags,
 * custom emoji…) leave their text plain.
 */

export interface EntityLike {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

export type RunStyle = "bold" | "italic" | "underline" | "strikethrough" | "spoiler" | "code" | "pre";
const STYLES = new Set<string>(["bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre"]);

export interface TextRun {
  text: string;
  styles: RunStyle[];
  /** The link this run opens (text_link, or a url entity's own text). */
  url?: string;
}

export function entityRuns(text: string, entities: readonly EntityLike[] | undefined): TextRun[] {
  if (!text) return [];
  const shown = (entities ?? []).filter(
    (e) =>
      (STYLES.has(e.type) || e.type === "text_link" || e.type === "url") &&
      e.length > 0 &&
      e.offset >= 0 &&
      e.offset + e.length <= text.length,
  );
  if (shown.length === 0) return [{ text, styles: [] }];
  const cuts = new Set<number>([0, text.length]);
  for (const e of shown) {
    cuts.add(e.offset);
    cuts.add(e.offset + e.length);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = shown.filter((e) => e.offset <= from && e.offset + e.length >= to);
    const styles = [
      ...new Set(covering.filter((e) => STYLES.has(e.type)).map((e) => e.type as RunStyle)),
    ].sort();
    const link = covering.find((e) => e.type === "text_link" || e.type === "url");
    const url = link
      ? linkHref(link.type === "url" ? text.slice(link.offset, link.offset + link.length) : link.url)
      : undefined;
    runs.push({ text: text.slice(from, to), styles, ...(url ? { url } : {}) });
  }
  return runs;
}

const LINK_PROTOCOLS = new Set(["http:", "https:", "tg:", "mailto:"]);

/**
 * Where a link may go: http(s), tg:// and mailto only, so a message (a user's own, stored as they
 * sent it) can't put a `javascript:` or `data:` address in an href; anything else stays text. A url
 * entity's text may lack a scheme ("example.com/x"): Telegram's apps open it over http.
 */
export function linkHref(url: string | undefined): string | undefined {
  const raw = url?.trim();
  if (!raw) return undefined;
  // "host:8080" is a port, not a scheme.
  const candidate = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(raw) ? raw : `http://${raw}`;
  try {
    return LINK_PROTOCOLS.has(new URL(candidate).protocol) ? candidate : undefined;
  } catch {
    return undefined;
  }
}
