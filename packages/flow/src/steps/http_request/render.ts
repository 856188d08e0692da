import type { HttpHeaderPart, HttpMethod, HttpRequestSpec } from "../../engine/types";

/** `{{secrets.NAME}}`: a workspace secret, allowed only in header values, filled in by the runtime. */
export const SECRET_TOKEN = /\{\{\s*secrets\.([A-Za-z0-9_]*)\s*\}\}/g;
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** An HTTP header name (RFC 9110 token). */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

export const secretNamesIn = (template: string) => [...template.matchAll(SECRET_TOKEN)].map((m) => m[1]!);
export const withoutSecrets = (template: string) => template.replace(SECRET_TOKEN, "");

export interface RequestTemplate {
  method: HttpMethod;
  url: string;
  headers: { name: string; value: string }[];
  query: { name: string; value: string }[];
  body: string;
  timeoutSeconds: number;
}

type Render = (template: string, escapeValue?: (value: string) => string) => string;

/** Inside a JSON string literal, a substituted value must not end the string or break the JSON. */
export const jsonStringEscape = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * A header value's template split into rendered text and secret references. The secret tokens are cut
 * out before rendering, so a variable whose value happens to read "{{secrets.X}}" stays plain text.
 */
export function renderHeaderValue(template: string, render: Render): HttpHeaderPart[] {
  const parts: HttpHeaderPart[] = [];
  let at = 0;
  for (const m of template.matchAll(SECRET_TOKEN)) {
    if (m.index > at) parts.push({ text: render(template.slice(at, m.index)) });
    parts.push({ secret: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push({ text: render(template.slice(at)) });
  // Rendered text can't carry a line break into a header.
  return parts
    .map((p) => ("text" in p ? { text: p.text.replace(/[\r\n]+/g, " ") } : p))
    .filter((p) => !("text" in p) || p.text !== "");
}

/**
 * Renders a step's request: the URL (query rows appended, encoded), headers (secrets kept as
 * references), and the JSON body — every substituted value JSON-escaped, so `{"email": "{{vars.email}}"}`
 * stays valid whatever the user typed. Bad results (not an http(s) URL, a body that isn't JSON) are errors.
 */
export function renderRequest(
  config: RequestTemplate,
  render: Render,
): { ok: true; request: HttpRequestSpec } | { ok: false; error: string } {
  const rawUrl = render(config.url).trim();
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, error: `invalid URL "${rawUrl.slice(0, 200)}"` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, error: `only http and https URLs are allowed, not "${url.protocol}"` };
  for (const q of config.query) if (q.name.trim()) url.searchParams.append(q.name.trim(), render(q.value));
  let body: string | null = null;
  if (config.body.trim() !== "") {
    body = render(config.body, jsonStringEscape);
    try {
      JSON.parse(body);
    } catch {
      return { ok: false, error: "the body is not valid JSON after filling in the variables" };
    }
  }
  return {
    ok: true,
    request: {
      method: config.method,
      url: url.toString(),
      headers: config.headers
        .filter((h) => h.name.trim() !== "")
        .map((h) => ({ name: h.name.trim(), value: renderHeaderValue(h.value, render) })),
      body,
      timeoutMs: config.timeoutSeconds * 1000,
    },
  };
}
