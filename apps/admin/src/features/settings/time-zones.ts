/** The IANA time zones this browser knows (Intl), with UTC, which some engines leave out. */
export function allTimeZones(): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

/** "+01:00"-style offset of a zone at `at`, or "" when the engine can't tell. */
export function utcOffset(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    if (!part) return "";
    return part === "GMT" ? "+00:00" : part.replace(/^GMT/, "");
  } catch {
    return "";
  }
}

/** "Europe/Berlin (UTC+01:00)". */
export function zoneLabel(timeZone: string, at?: Date): string {
  const offset = utcOffset(timeZone, at);
  return offset ? `${timeZone.replace(/_/g, " ")} (UTC${offset})` : timeZone.replace(/_/g, " ");
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_/\s-]+/g, " ")
    .trim();

/**
 * The zones matching a search: every word must appear in the name ("new york", "berlin", "america
 * los"); a zone whose city starts with the query comes first. An empty query keeps the list.
 */
export function searchTimeZones(zones: readonly string[], query: string): string[] {
  const q = normalize(query);
  if (!q) return [...zones];
  const words = q.split(" ");
  const hits = zones.filter((z) => {
    const name = normalize(z);
    return words.every((w) => name.includes(w));
  });
  const city = (z: string) => normalize(z.slice(z.lastIndexOf("/") + 1));
  return hits.sort((a, b) => Number(!city(a).startsWith(q)) - Number(!city(b).startsWith(q)));
}
