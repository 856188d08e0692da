import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { AddressPolicy } from "./address-policy";

/*
 * Performs an HTTP request step's call, outside any database transaction, with the safety rules of
 * docs/engine.md: http(s) only; every address the host resolves to must pass the policy (by default
 * public addresses only) and the connection goes to the checked address (pinned, so a second DNS answer
 * can't switch it); redirects are followed by hand (at most 5), each hop checked again; the answer is
 * capped at 1 MB; the whole call is bounded by the step's timeout.
 */

export const MAX_RESPONSE_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface OutgoingHeader {
  name: string;
  value: string;
  /** Holds a secret (or is Authorization / Cookie): dropped when a redirect leaves the origin. */
  sensitive: boolean;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: OutgoingHeader[];
  body: string | null;
  timeoutMs: number;
}

export interface FetchResult {
  status: number | null;
  error: string | null;
  /** The parsed body when the answer said it is JSON and was. */
  json?: unknown;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export interface FetchOptions {
  policy: AddressPolicy;
  resolve?: Resolver;
  maxBytes?: number;
  /** Aborts the call (e.g. the runtime stops). */
  signal?: AbortSignal;
}

const defaultResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/** A refusal or a failure worth saying as is ("refused: …", "could not resolve …"). */
export class CallError extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ALWAYS_SENSITIVE = new Set(["authorization", "cookie", "proxy-authorization"]);

export async function performHttpRequest(
  request: OutgoingRequest,
  options: FetchOptions,
): Promise<FetchResult> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let url: URL;
  let { method, body, headers } = request;
  try {
    url = new URL(request.url);
  } catch {
    return { status: null, error: "invalid URL" };
  }
  try {
    for (let hop = 0; ; hop++) {
      const response = await sendPinned(url, method, headers, body, signal, options);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.statusCode ?? 0) || !location)
        return await readAnswer(response, signal, options);
      response.resume();
      if (hop >= MAX_REDIRECTS) return { status: response.statusCode ?? null, error: "too many redirects" };
      const next = new URL(location, url);
      const status = response.statusCode!;
      if (status === 303 || ((status === 301 || status === 302) && method === "POST")) {
        if (method !== "HEAD") method = "GET";
        body = null;
      }
      if (next.origin !== url.origin)
        headers = headers.filter((h) => !h.sensitive && !ALWAYS_SENSITIVE.has(h.name.toLowerCase()));
      url = next;
    }
  } catch (err) {
    if (timeout.aborted)
      return { status: null, error: `timed out after ${Math.round(request.timeoutMs / 1000)} s` };
    if (options.signal?.aborted) return { status: null, error: "cancelled" };
    if (err instanceof CallError) return { status: null, error: err.message };
    const code = (err as { code?: string }).code;
    return {
      status: null,
      error: `request failed: ${code ?? (err as Error).message ?? String(err)}`.slice(0, 300),
    };
  }
}

/**
 * Resolves and checks the host, then sends one request to the checked address (the connection is
 * pinned to it, so a name can't re-resolve elsewhere in between). Redirects are the caller's business.
 * Shared by HTTP request steps and webhook deliveries; throws CallError for a refusal.
 */
export async function sendPinned(
  url: URL,
  method: string,
  headers: OutgoingHeader[],
  body: string | null,
  signal: AbortSignal,
  options: FetchOptions,
): Promise<IncomingMessage> {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new CallError(`refused: only http and https URLs are allowed, not "${url.protocol}"`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await (options.resolve ?? defaultResolver)(host);
  if (addresses.length === 0) throw new CallError(`could not resolve ${host}`);
  for (const a of addresses)
    if (!options.policy(a.address, port))
      throw new CallError(`refused: ${host} is a private or local address (${a.address})`);
  const pinned = addresses[0]!;
  // Every connection of this request goes to the address just checked.
  const lookup: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const outgoing: Record<string, string> = {
    "user-agent": "Switchboard-HTTP/1",
    accept: "application/json, */*;q=0.5",
  };
  if (body !== null) outgoing["content-type"] = "application/json";
  for (const h of headers) outgoing[h.name.toLowerCase()] = h.value;
  if (body !== null) outgoing["content-length"] = String(Buffer.byteLength(body));
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = transport.request(url, { method, headers: outgoing, lookup, signal, agent: false }, resolve);
    req.on("error", reject);
    req.end(body ?? undefined);
  });
}

/** Reads the answer up to the cap; JSON is parsed, anything else only gives its status. */
async function readAnswer(
  response: IncomingMessage,
  signal: AbortSignal,
  options: FetchOptions,
): Promise<FetchResult> {
  const max = options.maxBytes ?? MAX_RESPONSE_BYTES;
  const status = response.statusCode ?? null;
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    response.destroy();
    return { status, error: "response too large" };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      size += (chunk as Buffer).length;
      if (size > max) {
        response.destroy();
        return { status, error: "response too large" };
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (signal.aborted) throw err;
    return { status, error: "the answer broke off" };
  }
  const type = String(response.headers["content-type"] ?? "").toLowerCase();
  if (!/[/+]json\b/.test(type)) return { status, error: null };
  try {
    return { status, error: null, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { status, error: null };
  }
}
