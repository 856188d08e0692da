import { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode } from "@switchboard/core";
import type { AnyRouter, TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createContext } from "../src/context";
import { appRouter } from "../src/router";
import { createCallerFactory, publicProcedure, router } from "../src/trpc";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("errors");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

/** The contract docs/api.md promises, written out again so a change to the mapping fails here. */
const expected: Record<DomainErrorCode, { code: TRPC_ERROR_CODE_KEY; httpStatus: number }> = {
  NOT_FOUND: { code: "NOT_FOUND", httpStatus: 404 },
  FORBIDDEN: { code: "FORBIDDEN", httpStatus: 403 },
  UNAUTHENTICATED: { code: "UNAUTHORIZED", httpStatus: 401 },
  INVALID: { code: "BAD_REQUEST", httpStatus: 400 },
  CONFLICT: { code: "CONFLICT", httpStatus: 409 },
  PRECONDITION_FAILED: { code: "PRECONDITION_FAILED", httpStatus: 412 },
  TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 },
  UNAVAILABLE: { code: "BAD_GATEWAY", httpStatus: 502 },
};

/** A router whose one procedure throws whatever DomainError it is asked for, as a service would. */
const throwing = router({
  fail: publicProcedure
    .input(
      z.object({ code: z.enum(DOMAIN_ERROR_CODES), details: z.record(z.string(), z.unknown()).optional() }),
    )
    .output(z.void())
    .query(({ input }) => {
      throw new DomainError(input.code, `Failed with ${input.code}.`, input.details);
    }),
});

interface ErrorShape {
  message: string;
  data: {
    code: string;
    httpStatus: number;
    zodIssues: unknown;
    domainCode: string | null;
    details: unknown;
  };
}

/** Calls a query the way the admin's fetch handler serves it, and returns the error the client gets. */
async function httpError(
  r: AnyRouter,
  path: string,
  input: unknown,
  userId: string | null,
): Promise<{ status: number; error: ErrorShape }> {
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://admin.test/api/trpc/${path}?input=${query}`),
    router: r,
    createContext: () => createContext({ db: w.db, userId, env: w.env }),
  });
  const body = (await res.json()) as { error: Parameters<typeof superjson.deserialize>[0] };
  return { status: res.status, error: superjson.deserialize<ErrorShape>(body.error) };
}

describe("DomainError mapping", () => {
  it("maps every domain code (the table above covers them all)", () => {
    expect(Object.keys(expected).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });

  it.each(DOMAIN_ERROR_CODES)("%s thrown in a procedure reaches a caller as its tRPC code", async (code) => {
    const caller = createCallerFactory(throwing)(createContext({ db: w.db, userId: null, env: w.env }));
    const err = await expectTrpcError(caller.fail({ code }), expected[code].code, `Failed with ${code}.`);
    expect(err.cause).toBeInstanceOf(DomainError);
  });

  it.each(DOMAIN_ERROR_CODES)("%s over HTTP: status, message and data.domainCode", async (code) => {
    const { status, error } = await httpError(throwing, "fail", { code }, null);
    expect(status).toBe(expected[code].httpStatus);
    expect(error.message).toBe(`Failed with ${code}.`);
    expect(error.data).toMatchObject({ code: expected[code].code, domainCode: code, details: null });
  });

  it("carries the error's details in data.details", async () => {
    const { error } = await httpError(
      throwing,
      "fail",
      { code: "INVALID", details: { path: "steps.0" } },
      null,
    );
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      domainCode: "INVALID",
      details: { path: "steps.0" },
    });
  });
});

describe("domain errors from the real services", () => {
  it("a service's NOT_FOUND reaches the client with its message", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const err = await expectTrpcError(owner.api.flows.get({ id }), "NOT_FOUND", "Flow not found.");
    expect((err.cause as DomainError).code).toBe("NOT_FOUND");
    const { status, error } = await httpError(appRouter, "flows.get", { id }, owner.userId);
    expect(status).toBe(404);
    expect(error.message).toBe("Flow not found.");
    expect(error.data).toMatchObject({ code: "NOT_FOUND", domainCode: "NOT_FOUND", zodIssues: null });
  });

  it("the auth middleware's UNAUTHENTICATED is UNAUTHORIZED", async () => {
    const { status, error } = await httpError(appRouter, "workspace.current", undefined, null);
    expect(status).toBe(401);
    expect(error.message).toBe("Sign in first.");
    expect(error.data).toMatchObject({ code: "UNAUTHORIZED", domainCode: "UNAUTHENTICATED" });
  });

  it("input validation is no domain error: data.domainCode is null, zodIssues as before", async () => {
    const { status, error } = await httpError(appRouter, "flows.get", { id: "nope" }, owner.userId);
    expect(status).toBe(400);
    expect(error.data.domainCode).toBeNull();
    expect(error.data.zodIssues).toEqual([expect.objectContaining({ path: ["id"] })]);
  });
});

describe("input validation messages", () => {
  const strict = router({
    save: publicProcedure
      .input(
        z.object({
          name: z.string().max(100),
          botToken: z.string().min(1),
          options: z.array(z.object({ label: z.string().min(2, "give the button a label") })),
          email: z.email().optional(),
        }),
      )
      .output(z.void())
      .query(() => undefined),
  });

  it("reads as sentences that name the field, not a JSON dump", async () => {
    const { status, error } = await httpError(
      strict,
      "save",
      { name: "x".repeat(101), botToken: "", options: [] },
      null,
    );
    expect(status).toBe(400);
    expect(error.message).toBe("Name: must be at most 100 characters. Bot token: must not be empty.");
    expect(error.data.zodIssues).toEqual([
      expect.objectContaining({ code: "too_big", path: ["name"] }),
      expect.objectContaining({ code: "too_small", path: ["botToken"] }),
    ]);
  });

  it("keeps a schema's own message, labelled, and says what is missing or malformed", async () => {
    const { error } = await httpError(
      strict,
      "save",
      { name: "ok", options: [{ label: "a" }], email: "not-an-email" },
      null,
    );
    expect(error.message).toBe(
      "Bot token: is required. Options 1, label: give the button a label. Email: must be an email address.",
    );
  });

  it("a real procedure's bad input is a sentence too", async () => {
    const { error } = await httpError(appRouter, "flows.get", { id: "nope" }, owner.userId);
    expect(error.message).not.toMatch(/^\[/);
    expect(error.message).toMatch(/^Id: .+\.$/);
  });
});
