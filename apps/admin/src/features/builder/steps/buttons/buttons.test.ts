import type { Button, Problem } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { buttonErrors, moveItem } from "./buttons";

describe("moveItem", () => {
  const list = ["a", "b", "c"];
  it.each([
    { index: 0, delta: 1, expected: ["b", "a", "c"] },
    { index: 2, delta: -1, expected: ["a", "c", "b"] },
    { index: 1, delta: 1, expected: ["a", "c", "b"] },
  ])("moves item $index by $delta", ({ index, delta, expected }) => {
    expect(moveItem(list, index, delta)).toEqual(expected);
    expect(list).toEqual(["a", "b", "c"]);
  });

  it.each([
    { index: 0, delta: -1 },
    { index: 2, delta: 1 },
    { index: 5, delta: -1 },
  ])("returns the same list when item $index can't move by $delta", ({ index, delta }) => {
    expect(moveItem(list, index, delta)).toBe(list);
  });
});

describe("buttonErrors", () => {
  const compiled: Problem[] = [
    { code: "INVALID_STEP", severity: "error", message: "from the compiler", path: "config.buttons.1.label" },
    { code: "TEXT_WILL_BE_SPLIT", severity: "warning", message: "a warning", path: "config.buttons.0" },
  ];
  const goto = (label: string): Button => ({ id: "b", kind: "goto", label });
  const link = (label: string, url: string): Button => ({ id: "b", kind: "url", label, url });

  it.each([
    {
      case: "a good button",
      button: goto("Yes"),
      index: 0,
      labelError: false,
      urlError: false,
      error: undefined,
    },
    {
      case: "an empty label",
      button: goto("  "),
      index: 0,
      labelError: true,
      urlError: false,
      error: "label",
    },
    {
      case: "a bad link",
      button: link("Site", "example"),
      index: 0,
      labelError: false,
      urlError: true,
      error: "url",
    },
    {
      case: "the label comes first",
      button: link("", "example"),
      index: 1,
      labelError: true,
      urlError: true,
      error: "label",
    },
    {
      case: "then the compiler's problem",
      button: goto("Yes"),
      index: 1,
      labelError: false,
      urlError: false,
      error: "from the compiler",
    },
    {
      case: "a good link",
      button: link("Site", "https://x.y"),
      index: 0,
      labelError: false,
      urlError: false,
      error: undefined,
    },
  ])("$case", ({ button, index, labelError, urlError, error }) => {
    const errors = buttonErrors(button, index, compiled);
    expect(!!errors.labelError).toBe(labelError);
    expect(!!errors.urlError).toBe(urlError);
    const expected = error === "label" ? errors.labelError : error === "url" ? errors.urlError : error;
    expect(errors.error).toBe(expected);
  });
});
