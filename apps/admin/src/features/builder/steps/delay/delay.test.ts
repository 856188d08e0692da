import { describe, expect, it } from "vitest";
import { parseAmount } from "./delay";

describe("delay amount", () => {
  it.each([
    ["5", 5],
    ["2.7", 2],
    ["0", 1],
    ["-3", 1],
    ["", 1],
    ["abc", 1],
  ])("%j -> %i", (raw, n) => expect(parseAmount(raw)).toBe(n));
});
