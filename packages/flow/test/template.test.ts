import { describe, expect, it } from "vitest";
import { isKnownPath, renderTemplate, type TemplateContext, templateReferences } from "../src/index";

const ctx: TemplateContext = {
  name: "Ann",
  username: "ann_k",
  chatId: "-100123",
  createdAt: "2026-11-23",
  fields: { plan: "pro", empty: "", "city-name": "Lyon" },
  vars: { color: "red", price: "$& 10" },
  bot: { link: "https://t.me/bot?start=ref" },
  tracker: { utm_source: "ads", click_id: "c-1" },
};

describe("renderTemplate", () => {
  it.each([
    ["plain text", "Hello there", "Hello there"],
    ["scalar roots", "{{name}} @{{username}} {{chatId}} {{createdAt}}", "Ann @ann_k -100123 2026-11-23"],
    ["spaces inside braces", "{{  name  }}", "Ann"],
    ["fields", "{{fields.plan}} {{fields.city-name}}", "pro Lyon"],
    ["vars and the variables alias", "{{vars.color}}/{{variables.color}}", "red/red"],
    [
      "bot and tracker",
      "{{bot.link}} {{tracker.utm_source}} {{tracker.click_id}}",
      "https://t.me/bot?start=ref ads c-1",
    ],
    ["missing value renders empty", "[{{vars.nope}}]", "[]"],
    ["unknown root renders empty", "[{{nope}}] [{{other.x}}]", "[] []"],
    ["default for a missing value", '{{fields.city | "unknown"}}', "unknown"],
    ["default without spaces", '{{fields.city|"unknown"}}', "unknown"],
    ["default for an empty value", '{{fields.empty | "n/a"}}', "n/a"],
    ["default ignored when a value exists", '{{vars.color | "blue"}}', "red"],
    ["escaped quote in the default", '{{vars.x | "say \\"hi\\""}}', 'say "hi"'],
    ["empty default", '[{{vars.x | ""}}]', "[]"],
    ["adjacent tokens", "{{vars.color}}{{fields.plan}}", "redpro"],
    [
      "prototype names are not values",
      "[{{vars.constructor}}][{{vars.__proto__}}][{{fields.toString}}]",
      "[][][]",
    ],
    ["replacement patterns in a value stay literal", "{{vars.price}}", "$& 10"],
    ["single braces untouched", "{name} {{ unclosed", "{name} {{ unclosed"],
    ["nested path is not a value", "[{{vars.color.x}}]", "[]"],
  ])("%s", (_what, template, expected) => {
    expect(renderTemplate(template, ctx)).toBe(expected);
  });

  it("does not render values a second time", () => {
    expect(renderTemplate("{{vars.v}}", { ...ctx, vars: { v: "{{name}}" } })).toBe("{{name}}");
  });
});

describe("templateReferences", () => {
  it.each([
    ["no tokens", "Hello", []],
    [
      "paths and defaults",
      'Hi {{name}}, {{ vars.x }} {{fields.city | "?"}}',
      [
        { path: "name", hasDefault: false },
        { path: "vars.x", hasDefault: false },
        { path: "fields.city", hasDefault: true },
      ],
    ],
    [
      "same token twice",
      "{{a}}{{a}}",
      [
        { path: "a", hasDefault: false },
        { path: "a", hasDefault: false },
      ],
    ],
  ])("%s", (_what, template, expected) => {
    expect(templateReferences(template)).toEqual(expected);
  });
});

describe("isKnownPath", () => {
  it.each([
    ["name", true],
    ["username", true],
    ["chatId", true],
    ["createdAt", true],
    ["vars.email", true],
    ["variables.email", true],
    ["fields.city-name", true],
    ["bot.link", true],
    ["tracker.utm_source", true],
    ["nmae", false],
    ["vars", false],
    ["vars.", false],
    ["vars.a.b", false],
    ["vars.a b", false],
    ["contact.phone", false],
  ])("%s -> %s", (path, known) => {
    expect(isKnownPath(path)).toBe(known);
  });
});
