// Reads a request body into memory with a size cap. Oversized bodies are still drained (up to
// a hard cap) so the client can read our 413 answer instead of seeing a reset connection.

import type { IncomingMessage } from "node:http";

export type BodyResult = { tooLarge: false; data: Buffer } | { tooLarge: true };

/** Beyond this many times the limit we stop draining and drop the connection. */
const DRAIN_FACTOR = 4;

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) chunks.push(chunk);
      else if (received > maxBytes * DRAIN_FACTOR) req.destroy();
    });
    req.on("end", () => {
      resolve(received > maxBytes ? { tooLarge: true } : { tooLarge: false, data: Buffer.concat(chunks) });
    });
    req.on("error", reject);
  });
}
