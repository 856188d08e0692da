/**
 * The admin's security headers. The Content-Security-Policy carries a fresh nonce per page (src/proxy.ts
 * makes one; Next puts it on its own scripts, read from the request's CSP header), so no inline or
 * injected script runs without it; the rest are the same on every response (next.config.ts).
 */

export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates code (React's debugging, Fast Refresh) and talks over a websocket. */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, dev }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': the scripts Next's nonced bootstrap loads are trusted through it, nothing else.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // The flow builder lays big flows out in a same-origin web worker (elkjs); 'strict-dynamic' above
    // would otherwise block it, since a nonce can't be put on a worker.
    "worker-src": ["'self'"],
    // Inline style attributes (React's style props, the flow builder's canvas) can't carry a nonce.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Upload previews are blob: URLs; small icons may be data: URLs. Media is served by /api/files.
    "img-src": ["'self'", "blob:", "data:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'", "data:"],
    // tRPC, its live feeds (SSE) and uploads are same-origin; dev adds the HMR websocket.
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    // The admin embeds nothing: no Telegram Login widget (Login steps use one-time links to our own
    // pages), no third-party frames.
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** A nonce: 16 random bytes, base64, as CSP wants it. */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The headers every response gets, pages or not (files, API answers). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  // frame-ancestors 'none' says the same to browsers that read CSP; this one is for those that don't.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Invitation and login-link pages have a token in their path: never send it to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
