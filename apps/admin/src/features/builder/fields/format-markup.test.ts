import { describe, expect, it } from "vitest";
import { telegramLength, toggleFormat } from "./format-markup";

const sel = (e: { value: string; start: number; end: number }) => e.value.slice(e.start, e.end);

describe("toggleFormat", () => {
  it("wraps the selection and keeps it selected", () => {
    const e = toggleFormat("Hi there", 3, 8, "bold");
    expect(e.value).toBe("Hi <b>there</b>");
    expect(sel(e)).toBe("there");
  });

  it("unwraps when the tags sit just outside the selection, or are its own ends", () => {
    const wrapped = toggleFormat("Hi there", 3, 8, "italic");
    const back = toggleFormat(wrapped.value, wrapped.start, wrapped.end, "italic");
    expect(back.value).toBe("Hi there");
    expect(sel(back)).toBe("there");
    const whole = toggleFormat("a <s>b</s> c", 2, 10, "strikethrough");
    expect(whole.value).toBe("a b c");
    expect(sel(whole)).toBe("b");
  });

  it("nests a different format instead of unwrapping", () => {
    expect(toggleFormat("<b>x</b>", 3, 4, "spoiler").value).toBe("<b><tg-spoiler>x</tg-spoiler></b>");
  });

  it("an empty selection gets an empty pair with the caret inside", () => {
    const e = toggleFormat("Hi ", 3, 3, "code");
    expect(e.value).toBe("Hi <code></code>");
    expect([e.start, e.end]).toEqual([9, 9]);
  });

  it("links escape their address and unwrap whatever address they had", () => {
    const e = toggleFormat("see site", 4, 8, "text_link", 'https://x.io/?a=1&b="2"');
    expect(e.value).toBe('see <a href="https://x.io/?a=1&amp;b=&quot;2&quot;">site</a>');
    expect(toggleFormat(e.value, e.start, e.end, "text_link").value).toBe("see site");
  });
});

describe("telegramLength", () => {
  it("counts UTF-16 code units of the text without tags", () => {
    expect(telegramLength("<b>😀</b> &lt;")).toBe(4);
  });
});
