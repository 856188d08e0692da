/*
 * How the admin serves a stored file to a member's browser (GET /api/files/<id>). The bytes come from
 * Telegram users and uploads, so nothing in them may run on the admin's origin: only types a browser
 * shows without running anything are shown inline; everything else is a download, never sniffed, and
 * the CSP sandbox would stop a page that got through anyway.
 */

const INLINE_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "video/mp4",
  "video/webm",
  "video/quicktime",
  "audio/mpeg",
  "audio/ogg",
  "audio/mp4",
  "audio/wav",
  "audio/webm",
]);

/** `filename*` carries the real name (RFC 6266 / 5987); `filename` an ASCII stand-in for old clients. */
function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "file";
  // RFC 5987's attr-char excludes ' ( ) * that encodeURIComponent leaves alone.
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

export function fileResponseHeaders(file: { name: string; mimeType: string; size: number }): Headers {
  const type = file.mimeType.toLowerCase().split(";")[0]!.trim();
  const inline = INLINE_TYPES.has(type);
  return new Headers({
    "content-type": inline ? type : "application/octet-stream",
    "content-length": String(file.size),
    "content-disposition": disposition(inline ? "inline" : "attachment", file.name),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
    // Private: membership is checked on every request; the bytes of an id never change.
    "cache-control": "private, max-age=300",
  });
}
