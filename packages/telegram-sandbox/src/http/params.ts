// Turns a Bot API request (query string + JSON / urlencoded / multipart body) into one Params
// object. Form encodings deliver every value as a string, JSON delivers typed values, so the
// accessors coerce either way, as Telegram does.

import { badRequest } from "../errors";
import { boundaryOf, MultipartError, parseMultipart, type UploadedFile } from "./multipart";

export class Params {
  constructor(
    readonly raw: Record<string, unknown>,
    readonly files: Map<string, UploadedFile> = new Map(),
  ) {}

  has(name: string): boolean {
    const value = this.raw[name];
    return value !== undefined && value !== null && value !== "";
  }

  string(name: string): string | undefined {
    const value = this.raw[name];
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    return undefined;
  }

  /** Integer value, or undefined when missing or not an integer. */
  int(name: string): number | undefined {
    const value = this.raw[name];
    if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
    if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
    return undefined;
  }

  bool(name: string): boolean | undefined {
    const value = this.raw[name];
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "1" || value === 1) return true;
    if (value === "false" || value === "0" || value === 0) return false;
    return undefined;
  }

  /**
   * A JSON-typed parameter (reply_markup, entities, ...). Form bodies carry it as a JSON string.
   * `error` is the exact Telegram description for unparsable input.
   */
  json(name: string, error: string): unknown {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value);
    } catch {
      throw badRequest(error);
    }
  }

  /**
   * An InputFile parameter: an uploaded part (sent under its own name, as Telegraf does, or via
   * `attach://<part>`, as grammY does) or a string (file_id or HTTP URL).
   */
  input(name: string): UploadedFile | string | undefined {
    const direct = this.files.get(name);
    if (direct) return direct;
    const value = this.string(name);
    if (value?.startsWith("attach://")) return this.files.get(value.slice("attach://".length));
    return value === "" ? undefined : value;
  }

  /** Params as recorded in the call log: uploaded files replaced by a short descriptor. */
  forLog(): Record<string, unknown> {
    const describe = (file: UploadedFile) => ({ filename: file.filename, size: file.data.length });
    const out: Record<string, unknown> = { ...this.raw };
    const referenced = new Set<string>();
    for (const [key, value] of Object.entries(out)) {
      const file = typeof value === "string" && value.startsWith("attach://") ? value.slice(9) : undefined;
      const upload = file === undefined ? undefined : this.files.get(file);
      if (file !== undefined && upload) {
        referenced.add(file);
        out[key] = describe(upload);
      }
    }
    for (const [name, file] of this.files) if (!referenced.has(name)) out[name] = describe(file);
    return out;
  }
}

/** Builds Params from the query string and a body; throws a 400 ApiError on malformed bodies. */
export function parseParams(search: URLSearchParams, contentType: string, body: Buffer): Params {
  const raw: Record<string, unknown> = Object.fromEntries(search);
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (body.length === 0) return new Params(raw);

  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON encoded request");
    }
    // Spread (not Object.assign) so a "__proto__" key stays a plain property.
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return new Params({ ...raw, ...parsed });
    return new Params(raw);
  }
  if (type === "application/x-www-form-urlencoded") {
    return new Params({ ...raw, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) });
  }
  if (type === "multipart/form-data") {
    const boundary = boundaryOf(contentType);
    if (!boundary) throw badRequest("can't parse multipart/form-data request: boundary not found");
    try {
      const { fields, files } = parseMultipart(body, boundary);
      return new Params({ ...raw, ...fields }, files);
    } catch (error) {
      if (error instanceof MultipartError)
        throw badRequest(`can't parse multipart request: ${error.message}`);
      throw error;
    }
  }
  return new Params(raw);
}
