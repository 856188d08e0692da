import { describe, expect, it } from "vitest";
import { describeUrl, missingSecrets, removeRow, replaceRow, secretsUsed } from "./rows";

describe("http request editor rows", () => {
  it("replaces and removes a row by index", () => {
    expect(replaceRow(["a", "b", "c"], 1, "x")).toEqual(["a", "x", "c"]);
    expect(removeRow(["a", "b", "c"], 0)).toEqual(["b", "c"]);
  });

  it("lists the secrets header values use, and those the workspace lacks", () => {
    const used = secretsUsed([
      "Bearer {{secrets.TOKEN}}",
      "{{ secrets.KEY }}-{{secrets.TOKEN}}",
      "{{vars.x}}",
    ]);
    expect(used).toEqual(["KEY", "TOKEN"]);
    expect(missingSecrets(used, ["TOKEN"])).toEqual(["KEY"]);
    expect(missingSecrets(used, null)).toEqual([]);
  });

  it("shows a URL without its scheme", () => {
    expect(describeUrl("https://api.example.com/x")).toBe("api.example.com/x");
    expect(describeUrl(" ")).toBe("(no URL)");
  });
});
