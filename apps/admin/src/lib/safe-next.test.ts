import { describe, expect, it } from "vitest";
import { safeNext, withNext } from "@/lib/safe-next";

describe("safeNext", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/telegram-login/abc_DEF-1")).toBe("/telegram-login/abc_DEF-1");
    expect(safeNext("/leads?stage=1#top")).toBe("/leads?stage=1#top");
  });

  it("falls back for anything that could leave the site", () => {
    for (const bad of [
      null,
      "",
      "bots",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/\tevil",
      "/a\\b",
    ])
      expect(safeNext(bad)).toBe("/bots");
  });
});

describe("withNext", () => {
  it("adds a same-site next only", () => {
    expect(withNext("/sign-in", "/telegram-login/x")).toBe("/sign-in?next=%2Ftelegram-login%2Fx");
    expect(withNext("/sign-up", "//evil.example")).toBe("/sign-up");
    expect(withNext("/sign-up", null)).toBe("/sign-up");
  });
});
