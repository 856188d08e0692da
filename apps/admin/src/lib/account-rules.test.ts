import { describe, expect, it } from "vitest";
import { nameProblem, passwordProblem } from "./account-rules";

describe("passwordProblem", () => {
  it.each(["12345678", "password", "Password1", "qwertyuiop", "11111111", "abcdefgh", "87654321"])(
    "refuses the common or trivial %s",
    (password) => {
      expect(passwordProblem(password)).toMatch(/one of the first an attacker tries/);
    },
  );

  it("refuses the email, its local part, and the name, give or take a few digits", () => {
    const who = { email: "Jane.Doe@example.test", name: "Jane Doe" };
    expect(passwordProblem("jane.doe@example.test", who)).toMatch(/email/);
    expect(passwordProblem("janedoe1990", who)).toMatch(/email/);
    expect(passwordProblem("JaneDoe!", { email: "x@example.test", name: "Jane Doe" })).toMatch(/name/);
  });

  it("sets the length bounds", () => {
    expect(passwordProblem("Ab3$xyz")).toMatch(/at least 8/);
    expect(passwordProblem("x".repeat(20) + "Y".repeat(109))).toMatch(/at most 128/);
  });

  it("accepts a decent password", () => {
    expect(passwordProblem("violet-harbour-42", { email: "jane@example.test", name: "Jane" })).toBeNull();
  });
});

describe("nameProblem", () => {
  it("needs a name of at most 100 characters", () => {
    expect(nameProblem("  ")).toBe("Tell us your name.");
    expect(nameProblem("n".repeat(101))).toBe("Use at most 100 characters for your name.");
    expect(nameProblem("n".repeat(100))).toBeNull();
  });
});
