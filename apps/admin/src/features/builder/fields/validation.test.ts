import type { Problem } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { problemAt, urlError, variableNameError } from "./validation";

const problem = (
  path: string | undefined,
  message: string,
  severity: Problem["severity"] = "error",
): Problem => ({
  code: "INVALID_STEP",
  severity,
  message,
  ...(path ? { path } : {}),
});

describe("variableNameError", () => {
  it.each([
    { name: "email", required: true, ok: true },
    { name: "_private2", required: true, ok: true },
    { name: "a".repeat(64), required: true, ok: true },
    { name: "", required: false, ok: true },
    { name: "", required: true, ok: false },
    { name: "1st", required: false, ok: false },
    { name: "first name", required: true, ok: false },
    { name: "email-address", required: true, ok: false },
    { name: "vars.email", required: true, ok: false },
    { name: "a".repeat(65), required: true, ok: false },
  ])("'$name' (required: $required) is ok: $ok", ({ name, required, ok }) => {
    const error = variableNameError(name, required);
    if (ok) expect(error).toBeUndefined();
    else expect(error).toEqual(expect.any(String));
  });
});

describe("problemAt", () => {
  const problems = [
    problem("config.text", "text warning", "warning"),
    problem("config.buttons.1.label", "label of button 1"),
    problem("config.buttons.10", "button 10"),
    problem("config.text", "text error"),
    problem(undefined, "no path"),
  ];
  it.each([
    { path: "config.text", severity: "error" as const, expected: "text error" },
    { path: "config.text", severity: "warning" as const, expected: "text warning" },
    { path: "config.buttons.1", severity: "error" as const, expected: "label of button 1" },
    { path: "config.buttons.10", severity: "error" as const, expected: "button 10" },
    { path: "config.buttons.0", severity: "error" as const, expected: undefined },
    { path: "config", severity: "error" as const, expected: "label of button 1" },
    { path: "config.te", severity: "error" as const, expected: undefined },
    { path: "config.variable", severity: "error" as const, expected: undefined },
  ])("$severity at $path: $expected", ({ path, severity, expected }) => {
    expect(problemAt(problems, path, severity)).toBe(expected);
  });

  it("looks for errors by default", () => {
    expect(problemAt([problem("config.text", "w", "warning")], "config.text")).toBeUndefined();
  });
});

describe("urlError", () => {
  it.each([
    { url: "https://example.com", ok: true },
    { url: "http://example.com/a?b=c", ok: true },
    { url: "tg://resolve?domain=switchboard", ok: true },
    { url: "", ok: false },
    { url: "   ", ok: false },
    { url: "example.com", ok: false },
    { url: "https://", ok: false },
    { url: "ftp://example.com", ok: false },
    { url: "javascript:alert(1)", ok: false },
  ])("'$url' is ok: $ok", ({ url, ok }) => {
    const error = urlError(url);
    if (ok) expect(error).toBeUndefined();
    else expect(error).toEqual(expect.any(String));
  });
});
