/*
 * How an inbox row reads: the contact's name, the last message's preview with its author, short
 * relative times and how long someone has waited. Pure (times take `now`), unit-tested.
 */

export interface RowContact {
  name: string;
  username: string | null;
  phone: string | null;
}

/** The contact as a title: their name, else @username, else the phone, else a placeholder. */
export function contactTitle(c: RowContact): string {
  const name = c.name.trim();
  if (name) return name;
  if (c.username) return `@${c.username}`;
  if (c.phone) return c.phone;
  return "Unknown contact";
}

/** The second line under the name: @username when the title is the name. */
export function contactSubtitle(c: RowContact): string | null {
  return c.name.trim() && c.username ? `@${c.username}` : null;
}

/** The first letter for the avatar (a whole emoji or accented letter, never half of one). */
export function initialOf(title: string): string {
  const first = Array.from(title.replace(/^@/, "").trim())[0];
  return first ? first.toUpperCase() : "?";
}

export interface RowMessage {
  text: string | null;
  author: "in" | "out" | "operator";
  hasMedia: boolean;
}

export interface Preview {
  /** "Bot:" / "Operator:" before the text; none for the user's own words. */
  author: string | null;
  /** The message carries a file. */
  media: boolean;
  text: string;
}

const AUTHOR: Record<RowMessage["author"], string | null> = { in: null, out: "Bot:", operator: "Operator:" };

/** The last message on one line, at most `max` characters (whole characters). */
export function previewOf(m: RowMessage | null, max = 90): Preview {
  if (!m) return { author: null, media: false, text: "No messages yet" };
  const flat = (m.text ?? "").replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  const cut = chars.length > max ? `${chars.slice(0, max).join("")}…` : flat;
  return {
    author: AUTHOR[m.author],
    media: m.hasMedia,
    text: cut || (m.hasMedia ? "Attachment" : "(no text)"),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "now", "5m", "3h", "2d", then "Mar 4" (or "Mar 4, 2025" in another year). For a row's corner. */
export function shortAgo(value: Date | null, now: Date): string {
  if (!value) return "";
  const diff = Math.max(0, now.getTime() - value.getTime());
  if (diff < MINUTE) return "now";
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}m`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)}h`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)}d`;
  const date = `${MONTHS[value.getMonth()]} ${value.getDate()}`;
  return value.getFullYear() === now.getFullYear() ? date : `${date}, ${value.getFullYear()}`;
}

/** How long someone has waited: "under a minute", "4 min", "1 h 5 min", "2 d 3 h". */
export function waitedFor(since: Date, now: Date): string {
  const diff = Math.max(0, now.getTime() - since.getTime());
  if (diff < MINUTE) return "under a minute";
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min`;
  if (diff < DAY) {
    const h = Math.floor(diff / HOUR);
    const m = Math.floor((diff % HOUR) / MINUTE);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(diff / DAY);
  const h = Math.floor((diff % DAY) / HOUR);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** A wait long enough to show in red (the default maximum waiting time is 10 minutes). */
export const waitIsLong = (since: Date, now: Date) => now.getTime() - since.getTime() >= 5 * MINUTE;

/** "9+" past nine: the unread bubble stays small. */
export const unreadLabel = (n: number) => (n > 9 ? "9+" : String(n));
