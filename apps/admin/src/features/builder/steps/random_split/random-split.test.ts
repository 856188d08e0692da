import { describe, expect, it } from "vitest";
import { branchShares, evenly, newSplitBranch, parseWeight, splitTallyLine } from "./random-split";

describe("random split editor logic", () => {
  it("new branches take the next free letter", () => {
    expect(newSplitBranch([], "x")).toEqual({ id: "x", label: "A", weight: 1 });
    expect(
      newSplitBranch(
        [
          { id: "a", label: "A", weight: 1 },
          { id: "c", label: "c", weight: 1 },
        ],
        "y",
      ).label,
    ).toBe("B");
  });

  it.each([
    { raw: "3", expected: { weight: 3 } },
    { raw: " 10 ", expected: { weight: 10 } },
    { raw: "0", expected: { error: "A whole number, 1 or more." } },
    { raw: "1.5", expected: { error: "A whole number, 1 or more." } },
    { raw: "", expected: { error: "A whole number, 1 or more." } },
    { raw: "5000", expected: { error: "At most 1000." } },
  ])("weight $raw", ({ raw, expected }) => {
    expect(parseWeight(raw)).toEqual(expected);
  });

  it("live percentages add up to 100", () => {
    const bs = [
      { id: "a", label: "A", weight: 1 },
      { id: "b", label: "B", weight: 1 },
      { id: "c", label: "C", weight: 1 },
    ];
    expect(branchShares(bs)).toEqual([34, 33, 33]);
    expect(branchShares([{ ...bs[0]!, weight: 3 }, bs[1]!])).toEqual([75, 25]);
    expect(evenly([{ ...bs[0]!, weight: 7 }]).map((b) => b.weight)).toEqual([1]);
  });
});

describe("splitTallyLine", () => {
  const branches = [
    { id: "a", label: "A", weight: 1 },
    { id: "b", label: "B", weight: 3 },
  ];
  it("shows each branch's conversations and share, in the branches' order", () => {
    expect(splitTallyLine(branches, { b: 30, a: 10 })).toBe("A 10 (25%) · B 30 (75%)");
    expect(splitTallyLine(branches, { a: 1 })).toBe("A 1 (100%) · B 0 (0%)");
  });
  it("is nothing before anyone went through (or only through removed branches)", () => {
    expect(splitTallyLine(branches, {})).toBeNull();
    expect(splitTallyLine(branches, { gone: 5 })).toBeNull();
  });
});
