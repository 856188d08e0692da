/**
 * Where to go after signing in: `next` when it is a path on this site ("/telegram-login/abc?x=1"),
 * else the bots page. Anything that could leave the site ("//evil.example", "/\\evil.example",
 * "https://…", "javascript:…") falls back.
 */
export function safeNext(next: string | null | undefined, fallback = "/bots"): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (next.includes("\\") || Array.from(next).some((c) => c.charCodeAt(0) < 0x20 || c === "\u007f"))
    return fallback;
  try {
    const base = "http://switchboard.invalid";
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** "/sign-in?next=…" keeping a same-site `next`. */
export function withNext(path: string, next: string | null | undefined): string {
  const target = safeNext(next, "");
  return target ? `${path}?next=${encodeURIComponent(target)}` : path;
}
