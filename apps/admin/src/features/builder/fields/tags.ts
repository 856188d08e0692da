import { sameTag } from "@switchboard/flow";

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 64;

/**
 * The tags after typing `raw` (comma-separated): trimmed, blanks dropped, case-insensitive duplicates
 * skipped. An error says why some were not added (too long, too many).
 */
export function addTypedTags(tags: readonly string[], raw: string): { tags: string[]; error?: string } {
  const next = [...tags];
  for (const part of raw.split(",")) {
    const tag = part.trim();
    if (!tag) continue;
    if (tag.length > MAX_TAG_LENGTH)
      return { tags: next, error: `A tag can be at most ${MAX_TAG_LENGTH} characters.` };
    if (next.some((t) => sameTag(t, tag))) continue;
    if (next.length >= MAX_TAGS) return { tags: next, error: `At most ${MAX_TAGS} tags.` };
    next.push(tag);
  }
  return { tags: next };
}

/** Tags in both lists: adding and removing the same tag does nothing useful. */
export const overlappingTags = (add: readonly string[], remove: readonly string[]) =>
  add.filter((a) => remove.some((r) => sameTag(a, r)));
