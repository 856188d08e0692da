import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context";
import {
  MAX_BATCH_SIZE,
  MAX_BODY_BYTES,
  MAX_FLOW_BODY_BYTES,
  readBodyWithin,
  serveTrpc,
} from "../src/serve-trpc";
import { createWorld, type Member, type World } from "./helpers";

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("limits");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

interface ErrorItem {
  error: { json: { message: string; data: { code: string; httpStatus: number } } };
}

const serve = (req: Request) =>
  serveTrpc({
    endpoint: "/api/trpc",
    req,
    createContext: async () => createContext({ db: w.db, userId: owner.userId, env: w.env }),
  });

/** A batched GET of `count` calls to workspace.current, as httpBatchLink sends queries. */
function batchOf(count: number): Request {
  const paths = Array.from({ length: count }, () => "workspace.current").join(",");
  const inputs = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [i, superjson.serialize(undefined)]),
  );
  const input = encodeURIComponent(JSON.stringify(inputs));
  return new Request(`http://admin.test/api/trpc/${paths}?batch=1&input=${input}`);
}

/** A batched POST of one mutation whose body is `bytes` long. */
function postOf(bytes: number, body?: ReadableStream<Uint8Array>): Request {
  const name = "x".repeat(Math.max(0, bytes - 40));
  const json = JSON.stringify({ 0: superjson.serialize({ name }) });
  return new Request("http://admin.test/api/trpc/workspace.updateSettings?batch=1", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body ?? json,
    ...(body ? { duplex: "half" } : {}),
  } as RequestInit);
}

describe("tRPC request limits", () => {
  it(`answers a batch of ${MAX_BATCH_SIZE} calls`, async () => {
    const res = await serve(batchOf(MAX_BATCH_SIZE));
    expect(res.status).toBe(200);
    const items = (await res.json()) as unknown[];
    expect(items).toHaveLength(MAX_BATCH_SIZE);
  });

  it("refuses a bigger batch whole, with a sentence for every call", async () => {
    const res = await serve(batchOf(MAX_BATCH_SIZE + 1));
    expect(res.status).toBe(400);
    const items = (await res.json()) as ErrorItem[];
    expect(items[0]!.error.json.message).toBe(`Too many calls in one request: at most ${MAX_BATCH_SIZE}.`);
  });

  it("refuses a body over the limit with 413 and a sentence", async () => {
    const res = await serve(postOf(MAX_BODY_BYTES + 1024));
    expect(res.status).toBe(413);
    const items = (await res.json()) as ErrorItem[];
    expect(items[0]!.error.json.message).toBe("The request is too large: at most 4 MB.");
    expect(items[0]!.error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("still serves a body under the limit (the input reaches the procedure)", async () => {
    const res = await serve(postOf(2000));
    // workspace.updateSettings caps names well below 2000 characters: the input was read and validated.
    expect(res.status).toBe(400);
    const items = (await res.json()) as ErrorItem[];
    expect(items[0]!.error.json.message).toMatch(/^Name: must be at most \d+ characters\.$/);
  });

  it("lets a flow's draft be as large as its own 5,000,000-character cap allows", async () => {
    const draft = "é".repeat(5_000_000);
    const body = JSON.stringify({
      0: superjson.serialize({ id: "00000000-0000-4000-8000-000000000000", json: draft }),
    });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES / 2);
    const res = await serve(
      new Request("http://admin.test/api/trpc/flows.importJson?batch=1", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    // Read and handed to the procedure (which judges the text), not refused at the door.
    expect(res.status).not.toBe(413);
    const mixed = await serve(
      new Request("http://admin.test/api/trpc/flows.importJson,workspace.updateSettings?batch=1", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    expect(mixed.status).toBe(413);
    expect(MAX_FLOW_BODY_BYTES).toBeGreaterThan(3 * 5_000_000);
  });

  it("stops reading a streamed body without a length once it passes the limit", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const body = await readBodyWithin(postOf(0, endless), MAX_BODY_BYTES);
    expect(body).toBeNull();
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength);
  });
});
