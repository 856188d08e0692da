import { describe, expect, it } from "vitest";
import { moveHighlight, searchSteps, stepTexts } from "./step-search";
import { buttonsStep, flowDoc, freeInputStep, goto, textStep } from "./test-helpers";

const doc = () =>
  flowDoc([
    textStep("w", "Hello and welcome to Acme!", { title: "Welcome" }),
    buttonsStep("m", [goto("p", "Prices"), goto("c", "Contact us")], {
      title: "Main menu",
      aliases: ["/menu"],
    }),
    freeInputStep("e", "email", { title: "" }),
    textStep("bye", "See you, we welcome feedback", { title: "Goodbye" }),
    textStep("pw", "Our prices start at $9", { title: "Price list" }),
  ]);

const ids = (query: string) => searchSteps(doc(), query).map((m) => m.step.id);

describe("searchSteps", () => {
  it("finds steps by title, a title starting with the query first", () => {
    expect(ids("pri")).toEqual(["pw", "m"]); // "Price list", then the menu's "Prices" button
  });

  it("finds steps by their text and shows where", () => {
    const [match] = searchSteps(doc(), "acme");
    expect(match!.step.id).toBe("w");
    expect(match!.excerpt).toBe("Hello and welcome to Acme!");
  });

  it("puts title matches before text matches", () => {
    expect(ids("welcome")).toEqual(["w", "bye"]);
  });

  it("needs every word, in any order, case-blind", () => {
    expect(ids("US contact")).toEqual(["m"]);
    expect(ids("contact nobody")).toEqual([]);
  });

  it("finds an untitled step by its type's name, and names it so", () => {
    const [match] = searchSteps(doc(), "free input");
    expect(match?.step.id).toBe("e");
    expect(match?.name).toBe("Free input");
  });

  it("finds a step by its alias", () => {
    expect(ids("/menu")).toEqual(["m"]);
  });

  it("lists every step for an empty query, in the draft's order", () => {
    expect(ids("  ")).toEqual(["w", "m", "e", "bye", "pw"]);
  });

  it("shortens a long text around the match", () => {
    const long = flowDoc([textStep("t", `${"a ".repeat(100)}needle${" b".repeat(100)}`)]);
    const excerpt = searchSteps(long, "needle")[0]!.excerpt!;
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(excerpt).toContain("needle");
    expect(excerpt.length).toBeLessThan(100);
  });
});

describe("stepTexts", () => {
  it("collects the message and button labels", () => {
    expect(stepTexts(doc().steps[1]!)).toEqual(
      expect.arrayContaining(["Pick one", "Prices", "Contact us", "/menu"]),
    );
  });
});

describe("moveHighlight", () => {
  it.each([
    { current: 0, key: "ArrowDown" as const, expected: 1 },
    { current: 2, key: "ArrowDown" as const, expected: 0 },
    { current: 0, key: "ArrowUp" as const, expected: 2 },
  ])("$key from $current of 3 → $expected", ({ current, key, expected }) => {
    expect(moveHighlight(current, 3, key)).toBe(expected);
  });
});
