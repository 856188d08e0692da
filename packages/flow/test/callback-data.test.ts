import { describe, expect, it } from "vitest";
import { decodeCallbackData, encodeCallbackData } from "../src/index";

describe("callback data", () => {
  it.each([
    ["menu", "yes"],
    ["a".repeat(24), "b".repeat(24)],
    ["step-1_x", "btn_2-y"],
  ])("%s:%s round-trips and fits Telegram's 64 bytes", (stepId, buttonId) => {
    const data = encodeCallbackData(stepId, buttonId);
    expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(64);
    expect(decodeCallbackData(data)).toEqual({ stepId, buttonId });
  });

  it.each([
    "",
    "menu",
    "menu:",
    ":yes",
    "a:b:c",
    "me nu:yes",
    "menu:yes!",
    `${"a".repeat(25)}:b`,
    "ménu:yes",
  ])("%j is not ours -> null", (data) => {
    expect(decodeCallbackData(data)).toBeNull();
  });
});
