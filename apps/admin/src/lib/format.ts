const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "just now", "5 min ago", "yesterday", then a date. */
export function timeAgo(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const date = toDate(value);
  const diff = (date.getTime() - Date.now()) / 1000;
  const abs = Math.abs(diff);
  if (Number.isNaN(abs)) return "—";
  if (abs < 45) return "just now";
  if (abs < 3600) return rtf.format(Math.round(diff / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(diff / 3600), "hour");
  if (abs < 7 * 86_400) return rtf.format(Math.round(diff / 86_400), "day");
  return date.toLocaleDateString("en", { month: "short", day: "numeric", year: "numeric" });
}

export function dateTime(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return toDate(value).toLocaleString("en", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

export function clockTime(value: Date | string | number): string {
  return toDate(value).toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit" });
}

/** Shortens text for one-line previews without cutting a surrogate pair in half. */
export function preview(text: string | null | undefined, max = 80): string {
  if (!text) return "";
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : flat;
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
