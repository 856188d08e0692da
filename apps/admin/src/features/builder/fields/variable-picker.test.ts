import { renderTemplate } from "@switchboard/flow";
import { describe, expect, it } from "vitest";
import { botVariablesFor, filterGroups, pickerGroups, templateToken } from "./variable-picker";

describe("pickerGroups: where a variable comes from", () => {
  it("names the steps that set it, when known", () => {
    const [vars] = pickerGroups({
      upstreamVariables: ["email", "city"],
      sources: { email: "Ask email" },
      customFields: [],
      botVariables: [],
    });
    expect(vars!.items).toEqual([
      { path: "vars.email", hint: "Set by Ask email" },
      { path: "vars.city", hint: "Set by a step before this one" },
    ]);
  });
});

describe("templateToken: fallbacks", () => {
  const empty = {
    name: "",
    username: "",
    chatId: "",
    createdAt: "",
    fields: {},
    vars: {},
    bot: {},
    tracker: {},
  };

  it("adds a fallback the template renders when the value is missing", () => {
    expect(templateToken("name")).toBe("{{name}}");
    expect(templateToken("name", "  ")).toBe("{{name}}");
    expect(templateToken("name", "there")).toBe('{{name | "there"}}');
    expect(renderTemplate(`Hi ${templateToken("name", "there")}`, empty)).toBe("Hi there");
  });

  it("escapes quotes and backslashes so the fallback renders exactly as typed", () => {
    const fallback = 'my "friend" \\o/';
    expect(renderTemplate(templateToken("vars.nick", fallback), empty)).toBe(fallback);
  });
});

describe("pickerGroups", () => {
  const groups = pickerGroups({
    upstreamVariables: ["email"],
    customFields: [{ key: "plan", label: "Plan", type: "text", options: [] }],
    botVariables: [{ key: "promo", bots: ["shop_bot", "promo_bot"] }],
  });
  it("groups this flow's upstream variables, contact, bot variables and the deep link", () => {
    expect(groups.map((g) => g.id)).toEqual(["vars", "contact", "bot", "tracker"]);
    expect(groups[0]!.items).toEqual([{ path: "vars.email", hint: "Set by a step before this one" }]);
    expect(groups[1]!.items.map((i) => i.path)).toEqual([
      "name",
      "username",
      "chatId",
      "createdAt",
      "fields.plan",
    ]);
    expect(groups[2]!.items).toEqual([{ path: "bot.promo", hint: "@shop_bot, @promo_bot" }]);
    expect(groups[3]!.items.map((i) => i.path)).toContain("tracker.utm_source");
  });
  it("says why a group is empty, and that bot variables are still loading", () => {
    const empty = pickerGroups({ upstreamVariables: [], customFields: null, botVariables: null });
    expect(empty[0]!.items).toEqual([]);
    expect(empty[0]!.empty).toMatch(/No step before this one/);
    expect(empty[2]!.empty).toBe("Loading…");
  });
  it("filters by every word over path, hint and group, dropping empty groups", () => {
    expect(filterGroups(groups, "plan").map((g) => [g.id, g.items.map((i) => i.path)])).toEqual([
      ["contact", ["fields.plan"]],
    ]);
    expect(filterGroups(groups, "utm camp").flatMap((g) => g.items.map((i) => i.path))).toEqual([
      "tracker.utm_campaign",
    ]);
    expect(filterGroups(groups, "@promo_bot").map((g) => g.id)).toEqual(["bot"]);
    expect(filterGroups(groups, "  ")).toHaveLength(4);
    expect(filterGroups(groups, "zzz")).toEqual([]);
  });
});

describe("botVariablesFor", () => {
  const bots = [
    { id: "b1", username: "one_bot", entryFlowId: "f1" },
    { id: "b2", username: "two_bot", entryFlowId: "f1" },
    { id: "b3", username: "other_bot", entryFlowId: "f2" },
  ];
  const variables = [
    { botId: "b2", key: "promo" },
    { botId: "b1", key: "promo" },
    { botId: "b1", key: "phone" },
    { botId: "b3", key: "secret_of_other" },
  ];
  it("takes the bots that run the flow", () => {
    expect(botVariablesFor("f1", bots, variables)).toEqual({
      running: true,
      variables: [
        { key: "phone", bots: ["one_bot"] },
        { key: "promo", bots: ["one_bot", "two_bot"] },
      ],
    });
  });
  it("takes every bot when none runs the flow (and then nothing is checked)", () => {
    expect(botVariablesFor("f9", bots, variables)).toMatchObject({ running: false });
    expect(botVariablesFor("f9", bots, variables).variables.map((v) => v.key)).toEqual([
      "phone",
      "promo",
      "secret_of_other",
    ]);
  });
});
