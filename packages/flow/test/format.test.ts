import { describe, expect, it } from "vitest";
import {
  type FormattedText,
  isSendableLink,
  linkAddresses,
  plainTextOf,
  previewFormatted,
  renderFormatted,
  sliceFormatted,
} from "../src/format";
import { splitFormatted } from "../src/split-text";
import type { TemplateContext } from "../src/template";

const ctx = (vars: Record<string, string> = {}, name = "Anna"): TemplateContext => ({
  name,
  username: "",
  chatId: "1",
  createdAt: "",
  fields: {},
  vars,
  bot: {},
  tracker: {},
});

/** The substrings each entity covers, for readable expectations. */
const covered = (f: FormattedText) =>
  f.entities.map((e) => [e.type, f.text.slice(e.offset, e.offset + e.length), ...(e.url ? [e.url] : [])]);

describe("renderFormatted", () => {
  it("turns each tag into its entity", () => {
    const f = renderFormatted(
      '<b>B</b> <i>I</i> <u>U</u> <s>S</s> <tg-spoiler>P</tg-spoiler> <code>C</code> <pre>R</pre> <a href="https://x.io/a">L</a>',
      ctx(),
    );
    expect(f.text).toBe("B I U S P C R L");
    expect(covered(f)).toEqual([
      ["bold", "B"],
      ["italic", "I"],
      ["underline", "U"],
      ["strikethrough", "S"],
      ["spoiler", "P"],
      ["code", "C"],
      ["pre", "R"],
      ["text_link", "L", "https://x.io/a"],
    ]);
  });

  it("leaves plain text written before formatting existed exactly as it was", () => {
    for (const text of [
      "1 < 2 and 3 > 2",
      "a <b> c",
      "Tom & Jerry",
      "<i>never closed",
      "x</b>",
      "*not md* _x_",
    ])
      expect(renderFormatted(text, ctx())).toEqual({ text, entities: [] });
  });

  it("never lets a variable's value become markup", () => {
    const hostile = '<b>boss</b> *bold* _x_ </b> &lt; <a href="https://evil.io">x</a> {{name}}';
    const f = renderFormatted("Hi <b>{{vars.who}}</b>!", ctx({ who: hostile }));
    expect(f.text).toBe(`Hi ${hostile}!`);
    expect(covered(f)).toEqual([["bold", hostile]]);
  });

  it("counts offsets in UTF-16 code units (emoji and surrogate pairs)", () => {
    const f = renderFormatted("👋🏽 {{name}} <b>🎉 hi</b> <i>𝒳</i>", ctx({}, "Zoë 🦄"));
    expect(f.text).toBe("👋🏽 Zoë 🦄 🎉 hi 𝒳");
    // 👋🏽 is 4 code units, "Zoë 🦄" 6, so bold starts at 4 + 1 + 6 + 1 = 12.
    expect(f.entities).toEqual([
      { type: "bold", offset: 12, length: 5 },
      { type: "italic", offset: 18, length: 2 },
    ]);
  });

  it("nests entities, outer first, and keeps code verbatim", () => {
    const f = renderFormatted("<b>a <i>b</i></b> <code><b>x</b></code>", ctx());
    expect(f.text).toBe("a b <b>x</b>");
    expect(covered(f)).toEqual([
      ["bold", "a b"],
      ["italic", "b"],
      ["code", "<b>x</b>"],
    ]);
  });

  it("keeps tags Telegram can't nest as text: code or a link inside a link", () => {
    const f = renderFormatted(
      '<a href="https://x.io"><b>a</b><code>c</code><a href="https://y.io">y</a></a>',
      ctx(),
    );
    expect(f.text).toBe('a<code>c</code><a href="https://y.io">y</a>');
    expect(covered(f)).toEqual([
      // The inner </a> closes the outer link; the last one is text.
      ["text_link", f.text.slice(0, -4), "https://x.io"],
      ["bold", "a"],
    ]);
  });

  it("treats crossed tags as text instead of producing overlapping entities", () => {
    const f = renderFormatted("<b>a<i>b</b>c</i>", ctx());
    expect(f.text).toBe("<b>ab</b>c");
    expect(covered(f)).toEqual([["italic", "b</b>c"]]);
  });

  it("decodes the four escapes", () => {
    expect(renderFormatted("&lt;b&gt; &amp;amp; &quot;", ctx()).text).toBe('<b> &amp; "');
  });

  it("drops entities a blank variable leaves empty", () => {
    expect(renderFormatted("Hi<b>{{vars.none}}</b>", ctx()).entities).toEqual([]);
  });

  it("applies fallbacks inside formatting", () => {
    expect(covered(renderFormatted('<b>{{vars.first | "there"}}</b>', ctx()))).toEqual([["bold", "there"]]);
  });

  it("URL-encodes values substituted into a link and drops links Telegram would refuse", () => {
    const f = renderFormatted(
      '<a href="https://x.io/?q={{vars.q}}&amp;r=1">go</a> <a href="javascript:alert(1)">js</a>',
      ctx({ q: 'a b"&<' }),
    );
    expect(covered(f)).toEqual([["text_link", "go", "https://x.io/?q=a%20b%22%26%3C&r=1"]]);
    expect(f.text).toBe("go js");
  });
});

describe("links the compiler checks", () => {
  it("lists addresses as written and tells which ones Telegram will get", () => {
    const text =
      '<a href="https://x.io/{{vars.id}}">a</a> <a href="{{vars.url}}">b</a> <a href="https://{{bot.host}}/p">c</a> <a href="javascript:x">d</a> <a href="nope">';
    expect(linkAddresses(text)).toEqual([
      "https://x.io/{{vars.id}}",
      "{{vars.url}}",
      "https://{{bot.host}}/p",
      "javascript:x",
    ]);
    expect(linkAddresses(text).map(isSendableLink)).toEqual([true, false, true, false]);
  });
});

describe("previewFormatted", () => {
  it("places entities as rendering would, templates shown as written", () => {
    const f = previewFormatted('<b>Hi {{name | "there"}}</b> <a href="https://x.io/{{vars.id}}">me</a>');
    expect(f.text).toBe('Hi {{name | "there"}} me');
    expect(covered(f)).toEqual([
      ["bold", 'Hi {{name | "there"}}'],
      ["text_link", "me", "https://x.io/{{vars.id}}"],
    ]);
  });
});

describe("plainTextOf", () => {
  it("shows the text without tags, templates as written", () => {
    expect(plainTextOf("<b>Hi {{name}}</b> &lt;3")).toBe("Hi {{name}} <3");
  });
});

describe("splitting formatted text", () => {
  it("clips entities to the pieces they span, offsets per piece", () => {
    const f = { text: "aaaa bbbb", entities: [{ type: "bold" as const, offset: 2, length: 5 }] };
    expect(sliceFormatted(f, 5)).toEqual({
      text: "bbbb",
      entities: [{ type: "bold", offset: 0, length: 2 }],
    });
    const parts = splitFormatted(f, 6);
    expect(parts.map((p) => p.text)).toEqual(["aaaa ", "bbbb"]);
    expect(parts.map(covered)).toEqual([[["bold", "aa "]], [["bold", "bb"]]]);
  });

  it("keeps entities right across a 4096 split with emoji", () => {
    const long = `<b>${"😀".repeat(2100)}</b> <i>tail</i>`;
    const f = renderFormatted(long, ctx());
    const parts = splitFormatted(f);
    expect(parts.length).toBe(2);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(4096);
      for (const e of p.entities) expect(e.offset + e.length).toBeLessThanOrEqual(p.text.length);
    }
    expect(parts.map((p) => p.text).join("")).toBe(f.text);
    const total = (t: "bold" | "italic") =>
      parts.flatMap((p) => p.entities.filter((e) => e.type === t)).reduce((n, e) => n + e.length, 0);
    expect(total("bold")).toBe(4200);
    expect(covered(parts[1]!).at(-1)).toEqual(["italic", "tail"]);
  });
});
