import { describe, expect, it } from "vitest";
import { addExtraRow, duplicateKeys, removeExtraRow, updateExtraRow, urlPreview } from "./send-webhook";

describe("extra field rows", () => {
  it("adds rows with unused names, edits and removes by index", () => {
    const one = addExtraRow([]);
    expect(one).toEqual([{ key: "field_1", value: "" }]);
    const two = addExtraRow([{ key: "field_2", value: "x" }]);
    expect(two.map((r) => r.key)).toEqual(["field_2", "field_3"]);
    const edited = updateExtraRow(two, 1, { key: "plan", value: "{{vars.plan}}" });
    expect(edited).toEqual([
      { key: "field_2", value: "x" },
      { key: "plan", value: "{{vars.plan}}" },
    ]);
    expect(removeExtraRow(edited, 0)).toEqual([{ key: "plan", value: "{{vars.plan}}" }]);
  });

  it("finds duplicate keys", () => {
    expect([
      ...duplicateKeys([
        { key: "a", value: "" },
        { key: "b", value: "" },
        { key: "a", value: "" },
      ]),
    ]).toEqual(["a"]);
  });
});

describe("url preview", () => {
  it.each([
    ["https://hooks.example.com/in", "hooks.example.com/in"],
    ["https://example.com/", "example.com"],
    ["https://", ""],
    ["  ", ""],
    ["{{bot.hook_url}}", "{{bot.hook_url}}"],
    ["not a url", "not a url"],
  ])("%s → %s", (url, preview) => {
    expect(urlPreview(url)).toBe(preview);
  });
});

describe("test chat", () => {
  it("says the webhook is not sent from the test chat", async () => {
    const { actionLine } = await import("../../test-chat-actions");
    expect(
      actionLine({
        type: "send_webhook",
        stepId: "w",
        url: "https://example.com/h",
        extra: {},
        variables: {},
      }),
    ).toBe("Webhook to https://example.com/h — not sent from the test chat");
  });
});
