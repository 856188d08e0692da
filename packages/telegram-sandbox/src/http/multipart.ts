// A small multipart/form-data parser. We cannot use `Request.formData()`: grammY writes part
// headers as `content-disposition:form-data;name="x";filename=photo.jpg` (no spaces, unquoted
// filename), which undici rejects but Telegram accepts.

export interface UploadedFile {
  filename: string;
  contentType?: string;
  data: Buffer;
}

export interface MultipartResult {
  fields: Record<string, string>;
  files: Map<string, UploadedFile>;
}

export class MultipartError extends Error {}

export function boundaryOf(contentType: string): string | undefined {
  const match = contentType.match(/boundary=(?:"([^"]+)"|([^;\s]+))/i);
  return match?.[1] ?? match?.[2];
}

export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  const partEnd = Buffer.from(`\r\n--${boundary}`);

  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new MultipartError("multipart boundary not found");
  pos += delimiter.length;
  while (pos < body.length) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // "--" closes the body
    // Searching from pos (not pos+2) lets a part with no headers match its blank line directly.
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) throw new MultipartError("unterminated part headers");
    const headers = parseHeaders(body.toString("utf8", pos, headerEnd));
    const contentStart = headerEnd + 4;
    const next = body.indexOf(partEnd, contentStart);
    if (next < 0) throw new MultipartError("unterminated part");
    const content = body.subarray(contentStart, next);
    const disposition = parseDisposition(headers.get("content-disposition") ?? "");
    const name = disposition.get("name");
    if (name !== undefined) {
      const filename = disposition.get("filename");
      if (filename !== undefined) {
        const contentType = headers.get("content-type");
        files.set(name, { filename, data: Buffer.from(content), ...(contentType ? { contentType } : {}) });
      } else {
        fields[name] = content.toString("utf8");
      }
    }
    pos = next + partEnd.length;
  }
  return { fields, files };
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Parses `form-data; name="a"; filename=b.jpg` into { name: "a", filename: "b.jpg" }. */
function parseDisposition(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of value.matchAll(pattern)) {
    const key = match[1]?.toLowerCase();
    if (!key) continue;
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : (match[3] ?? "").trim();
    params.set(key, raw);
  }
  return params;
}
