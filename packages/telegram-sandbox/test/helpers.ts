// Shared test helpers: bot tokens, a sandbox per test file, and a raw Bot API caller that lets
// tests check status codes and bodies exactly as a bot would see them.

import { afterAll, beforeAll } from "vitest";
import { type Sandbox, SandboxClient, type SandboxUser, startSandbox } from "../src/index";

export const TOKEN = `100001:${"A".repeat(35)}`;
export const OTHER_TOKEN = `100002:${"B".repeat(35)}`;
export const ALICE: SandboxUser = { id: 501, first_name: "Alice", username: "alice", language_code: "en" };
export const BOB: SandboxUser = { id: 502, first_name: "Bob" };

export interface ApiAnswer<T = unknown> {
  status: number;
  body: {
    ok: boolean;
    result?: T;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number };
  };
}

/** Starts one sandbox for the test file; `ctx.sandbox` / `ctx.client` are ready in tests. */
export function useSandbox(options: { webhookDelivery?: boolean } = {}) {
  const ctx = {} as { sandbox: Sandbox; client: SandboxClient };
  beforeAll(async () => {
    ctx.sandbox = await startSandbox({
      bots: [
        { token: TOKEN, username: "test_bot", firstName: "Test Bot" },
        { token: OTHER_TOKEN, username: "other_bot" },
      ],
      ...options,
    });
    ctx.client = new SandboxClient(ctx.sandbox.url);
  });
  afterAll(async () => {
    await ctx.sandbox.close();
  });
  return ctx;
}

/** Calls a Bot API method with a JSON body (or `init` for other encodings). */
export async function callApi<T = unknown>(
  sandbox: Sandbox,
  method: string,
  params: Record<string, unknown> = {},
  options: { token?: string; init?: RequestInit } = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(
    `${sandbox.url}/bot${options.token ?? TOKEN}/${method}`,
    options.init ?? {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
    },
  );
  return { status: response.status, body: (await response.json()) as ApiAnswer<T>["body"] };
}

/** Calls a method and asserts success, returning the result. */
export async function ok<T = unknown>(
  sandbox: Sandbox,
  method: string,
  params: Record<string, unknown> = {},
  token = TOKEN,
): Promise<T> {
  const answer = await callApi<T>(sandbox, method, params, { token });
  if (!answer.body.ok) throw new Error(`${method} failed: ${answer.status} ${answer.body.description}`);
  return answer.body.result as T;
}

/** Drains the update queue so each test starts from a clean offset. */
export async function drainUpdates(sandbox: Sandbox, token = TOKEN): Promise<void> {
  const [last] = await ok<Array<{ update_id: number }>>(sandbox, "getUpdates", { offset: -1 }, token);
  if (last) await ok(sandbox, "getUpdates", { offset: last.update_id + 1 }, token);
}
