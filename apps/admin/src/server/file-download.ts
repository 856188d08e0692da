/*
 * How a stored file is served back to the admin (the inbox shows photos inline, offers the rest as
 * downloads). Pure headers here; the route reads the row and the bytes.
 */

/** Types a browser may show inline in an <img>; everything else downloads. */
const INLINE = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(name: string, inline: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "file";
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/**
 * The response headers for a file: images inline with their type; anything else as an opaque
 * download, so an uploaded HTML or SVG file can never run as a page of the admin.
 */
export function downloadHeaders(file: {
  name: string;
  mimeType: string;
  size: number;
}): Record<string, string> {
  const inline = INLINE.has(file.mimeType.toLowerCase());
  return {
    "content-type": inline ? file.mimeType.toLowerCase() : "application/octet-stream",
    "content-length": String(file.size),
    "content-disposition": contentDisposition(file.name, inline),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    // A file never changes (a new upload is a new id); only members of its workspace get it.
    "cache-control": "private, max-age=86400, immutable",
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isFileId = (id: string) => UUID.test(id);
