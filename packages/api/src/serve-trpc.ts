import { TRPCError } from "@trpc/server";
import { type FetchHandlerRequestOptions, fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Context } from "./context";
import { type AppRouter, appRouter } from "./router";

/**
 * The most calls one batched request may carry. The admin's batch link never sends more (it is given
 * the same number as `maxItems`); a request with more is someone else's client, refused whole.
 */
export const MAX_BATCH_SIZE = 50;

/**
 * The largest request body tRPC reads. File uploads do not come through tRPC (they are multipart
 * posts to /api/files/*, with Telegram's own limits), so every other input is small.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The two inputs that may legitimately be bigger: a flow's draft and an imported flow file, each capped
 * by its own schema at 5,000,000 characters. As UTF-8 inside JSON (non-Latin text, escaped quotes in
 * the imported file's string) that can take up to about three times as many bytes.
 */
export const MAX_FLOW_BODY_BYTES = 16 * 1024 * 1024;
const FLOW_DOCUMENT_PROCEDURES = new Set(["flows.saveDraft", "flows.importJson"]);

const TOO_MANY_CALLS = `Too many calls in one request: at most ${MAX_BATCH_SIZE}.`;
const bodyTooLarge = (limit: number) => `The request is too large: at most ${limit / (1024 * 1024)} MB.`;

/** The procedures a URL names: `/api/trpc/a,b,c?batch=1` is three, an unbatched one always one. */
function pathsOf(url: URL, endpoint: string): string[] {
  const path = decodeURIComponent(url.pathname.slice(endpoint.length + 1));
  return url.searchParams.get("batch") === "1" ? path.split(",") : [path];
}

/** The body limit for these calls: the flow-document one only when every call is a flow document's. */
const bodyLimitFor = (paths: string[]) =>
  paths.every((p) => FLOW_DOCUMENT_PROCEDURES.has(p)) ? MAX_FLOW_BODY_BYTES : MAX_BODY_BYTES;

/**
 * The body, read at most `max` bytes far: null when it is larger (the stream is cancelled there, so a
 * 100 MB post costs 4 MB of memory, not 100). Content-Length is checked first, but not trusted alone.
 */
export async function readBodyWithin(req: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (declared > max) return null;
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** A copy of the request with no body, for answering one that is refused before it is read. */
const withoutBody = (req: Request) => new Request(req.url, { method: req.method, headers: req.headers });

export interface ServeTrpcOptions {
  req: Request;
  endpoint: string;
  createContext: () => Promise<Context>;
  onError?: FetchHandlerRequestOptions<AppRouter>["onError"];
}

/**
 * The app router over HTTP, with the request limits above. A refused request still gets tRPC's error
 * shape (one error per call, through the errorFormatter), so the admin shows the sentence: the context
 * factory throws before any procedure or input is touched.
 */
export async function serveTrpc(opts: ServeTrpcOptions): Promise<Response> {
  const { req, endpoint } = opts;
  let refusal: TRPCError | null = null;
  let request = req;
  const paths = pathsOf(new URL(req.url), endpoint);
  if (paths.length > MAX_BATCH_SIZE) {
    refusal = new TRPCError({ code: "BAD_REQUEST", message: TOO_MANY_CALLS });
    request = withoutBody(req);
  } else if (req.method === "POST") {
    const limit = bodyLimitFor(paths);
    const body = await readBodyWithin(req, limit);
    if (body) {
      request = new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
    } else {
      refusal = new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: bodyTooLarge(limit) });
      request = withoutBody(req);
    }
  }
  return fetchRequestHandler({
    endpoint,
    req: request,
    router: appRouter,
    // No `maxBatchSize` here: tRPC's own check answers one bare error ("Batch call exceeds maximum
    // size") instead of one sentence per call, and it counts the same paths as pathsOf above.
    createContext: async () => {
      if (refusal) throw refusal;
      return opts.createContext();
    },
    onError: opts.onError,
  });
}
