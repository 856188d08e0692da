import { describe, expect, it } from "vitest";
import { insertAfter } from "./list-items";

describe("insertAfter", () => {
  it("inserts after the item (Enter in a middle label), or at the end", () => {
    expect(insertAfter(["a", "b", "c"], 0, "x")).toEqual(["a", "x", "b", "c"]);
    expect(insertAfter(["a", "b"], 1, "x")).toEqual(["a", "b", "x"]);
    expect(insertAfter(["a"], -1, "x")).toEqual(["a", "x"]);
    expect(insertAfter([], 5, "x")).toEqual(["x"]);
  });
});
