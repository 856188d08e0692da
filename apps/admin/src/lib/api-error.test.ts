import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { apiErrorDetails } from "./api-error";

function apiError(message: string, data: Record<string, unknown>) {
  const e = new TRPCClientError(message);
  Object.defineProperty(e, "data", { value: data });
  return e;
}

describe("apiErrorDetails", () => {
  it("names the field of an input-schema error", () => {
    const e = apiError('[{"code":"too_small"}]', {
      code: "BAD_REQUEST",
      zodIssues: [{ message: "give the workspace a name.", path: ["name"] }],
    });
    expect(apiErrorDetails(e)).toEqual({
      message: "Give the workspace a name.",
      path: "name",
      code: "BAD_REQUEST",
    });
  });

  it("shows the server's sentence, not zod's default, for a field's issue", () => {
    const e = apiError("Name: must be at most 100 characters. Key: is required.", {
      code: "BAD_REQUEST",
      zodIssues: [{ message: "Too big: expected string to have <=100 characters", path: ["name"] }],
    });
    expect(apiErrorDetails(e)).toEqual({
      message: "Must be at most 100 characters.",
      path: "name",
      code: "BAD_REQUEST",
    });
  });

  it("reads the field from a service message that starts with it", () => {
    const e = apiError("label: Too big: expected string to have <=80 characters; key: Invalid", {
      code: "BAD_REQUEST",
      zodIssues: null,
    });
    expect(apiErrorDetails(e)).toEqual({
      message: "Too big: expected string to have <=80 characters",
      path: "label",
      code: "BAD_REQUEST",
    });
    const option = apiError("options.1: Too small", { code: "BAD_REQUEST" });
    expect(apiErrorDetails(option).path).toBe("options.1");
  });

  it("keeps other messages whole", () => {
    const e = apiError('A field with the key "plan" already exists.', { code: "CONFLICT" });
    expect(apiErrorDetails(e)).toEqual({
      message: 'A field with the key "plan" already exists.',
      path: null,
      code: "CONFLICT",
    });
    expect(apiErrorDetails(new Error("boom"))).toEqual({ message: "boom", path: null, code: null });
  });
});
