// Every procedure call is reported to env.observeCall (the admin's Prometheus metrics) with its
// path, type, result (the code the client gets) and duration.

import { notFound } from "@switchboard/core";
import type { Db } from "@switchboard/db";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ApiEnv, createContext, type ProcedureCall } from "../src/context";
import { createCallerFactory, publicProcedure, router } from "../src/trpc";

const testRouter = router({
  hello: publicProcedure.input(z.object({ name: z.string() })).query(({ input }) => `hi ${input.name}`),
  missing: publicProcedure.mutation(() => {
    throw notFound("Thing");
  }),
});

function callerObserving(calls: ProcedureCall[]) {
  const env = { observeCall: (call: ProcedureCall) => calls.push(call) } as unknown as ApiEnv;
  return createCallerFactory(testRouter)(createContext({ db: {} as Db, userId: null, env }));
}

describe("procedure observation", () => {
  it("reports successes, mapped domain errors and bad input", async () => {
    const calls: ProcedureCall[] = [];
    const api = callerObserving(calls);
    await api.hello({ name: "Ann" });
    await expect(api.missing()).rejects.toThrow("Thing not found.");
    await expect(api.hello({ name: 5 as unknown as string })).rejects.toThrow();
    expect(calls.map(({ path, type, result }) => ({ path, type, result }))).toEqual([
      { path: "hello", type: "query", result: "ok" },
      { path: "missing", type: "mutation", result: "NOT_FOUND" },
      { path: "hello", type: "query", result: "BAD_REQUEST" },
    ]);
    for (const call of calls) expect(call.durationMs).toBeGreaterThanOrEqual(0);
  });
});
