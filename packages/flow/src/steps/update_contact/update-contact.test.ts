import { describe, expect, it } from "vitest";
import { type InboundEvent, runEngine } from "../../index";
import {
  actionsOf,
  compileOk,
  drive,
  expectProblemCase,
  flowDoc,
  makeCtx,
  sends,
  start,
  stateAt,
  text,
  textStep,
  texts,
  updateContactStep,
} from "../../testing";
import { problemCases } from "./cases";

describe("update contact: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);
});

const sizeField = { key: "size", label: "Size", type: "choice" as const, options: ["Small", "Large"] };
const env = { customFields: [sizeField, { key: "age", label: "Age", type: "number" as const, options: [] }] };

/** One Update contact step asking for `field`, then a confirmation step that shows what was saved. */
function flowFor(field: unknown, config: Record<string, unknown> = {}) {
  return compileOk(
    flowDoc(
      [
        updateContactStep("u", "Your value?", { field, confirmText: "Saved", ...config }),
        textStep("next", 'Next, {{name}} / {{fields.size | "-"}}'),
      ],
      [["u", "next", "next"]],
    ),
    env,
  );
}

const contact = (phone: string, own = true): InboundEvent => ({ type: "contact", phone, own });

describe("update contact: asking", () => {
  it("phone: a reply keyboard with Telegram's share-my-number button", () => {
    const result = runEngine(flowFor({ kind: "contact", key: "phone" }), stateAt(null), start(), makeCtx());
    expect(sends(result.actions)[0]?.keyboard).toEqual({
      kind: "reply",
      rows: [[{ label: "📱 Share my phone number", requestContact: true }]],
    });
    expect(result.state.replyKeyboardShown).toBe(true);
  });

  it("a choice field: its options as buttons, two per row", () => {
    const result = runEngine(flowFor({ kind: "custom", key: "size" }), stateAt(null), start(), makeCtx());
    expect(sends(result.actions)[0]?.keyboard).toEqual({
      kind: "reply",
      rows: [[{ label: "Small" }, { label: "Large" }]],
    });
  });

  it("email: no keyboard", () => {
    const result = runEngine(flowFor({ kind: "contact", key: "email" }), stateAt(null), start(), makeCtx());
    expect(sends(result.actions)[0]?.keyboard).toBeUndefined();
  });
});

describe("update contact: answers", () => {
  const cases: {
    what: string;
    field: unknown;
    answer: InboundEvent;
    saved: { set?: Record<string, string>; fields?: Record<string, string> } | null;
  }[] = [
    {
      what: "own shared contact",
      field: { kind: "contact", key: "phone" },
      answer: contact("79991234567"),
      saved: { set: { phone: "+79991234567" } },
    },
    {
      what: "own shared contact with +",
      field: { kind: "contact", key: "phone" },
      answer: contact("+1 555 123 4567"),
      saved: { set: { phone: "+15551234567" } },
    },
    {
      what: "somebody else's contact card",
      field: { kind: "contact", key: "phone" },
      answer: contact("79991234567", false),
      saved: null,
    },
    {
      what: "typed international phone",
      field: { kind: "contact", key: "phone" },
      answer: text("+44 20 7946 0958"),
      saved: { set: { phone: "+442079460958" } },
    },
    {
      what: "typed phone with 00",
      field: { kind: "contact", key: "phone" },
      answer: text("0044 20 7946 0958"),
      saved: { set: { phone: "+442079460958" } },
    },
    {
      what: "typed local phone",
      field: { kind: "contact", key: "phone" },
      answer: text("050 123 45 67"),
      saved: { set: { phone: "0501234567" } },
    },
    {
      what: "typed words for a phone",
      field: { kind: "contact", key: "phone" },
      answer: text("call me"),
      saved: null,
    },
    {
      what: "email",
      field: { kind: "contact", key: "email" },
      answer: text(" Ann@Example.COM "),
      saved: { set: { email: "ann@example.com" } },
    },
    { what: "bad email", field: { kind: "contact", key: "email" }, answer: text("ann@"), saved: null },
    {
      what: "a contact card for an email",
      field: { kind: "contact", key: "email" },
      answer: contact("79991234567"),
      saved: null,
    },
    {
      what: "first name",
      field: { kind: "contact", key: "first_name" },
      answer: text(" Olena "),
      saved: { set: { first_name: "Olena" } },
    },
    {
      what: "city",
      field: { kind: "contact", key: "city" },
      answer: text("Kyiv"),
      saved: { set: { city: "Kyiv" } },
    },
    { what: "blank city", field: { kind: "contact", key: "city" }, answer: text("   "), saved: null },
    {
      what: "choice, any case",
      field: { kind: "custom", key: "size" },
      answer: text("large"),
      saved: { fields: { size: "Large" } },
    },
    { what: "choice not offered", field: { kind: "custom", key: "size" }, answer: text("Huge"), saved: null },
    {
      what: "number field",
      field: { kind: "custom", key: "age" },
      answer: text("42"),
      saved: { fields: { age: "42" } },
    },
    { what: "not a number", field: { kind: "custom", key: "age" }, answer: text("forty"), saved: null },
  ];

  it.each(cases)("$what", ({ field, answer, saved }) => {
    const { last, state } = drive(flowFor(field), [start(), answer]);
    const updates = actionsOf(last.actions, "update_contact");
    if (saved === null) {
      expect(updates).toEqual([]);
      expect(texts(last.actions)).toEqual(["That doesn't look right. Please try again."]);
      expect(last.events).toContainEqual({ type: "answer_rejected", stepId: "u" });
      expect(state.stepId).toBe("u");
      return;
    }
    expect(updates).toEqual([
      {
        type: "update_contact",
        stepId: "u",
        set: saved.set ?? {},
        fields: saved.fields ?? {},
        addTags: [],
        removeTags: [],
      },
    ]);
    expect(texts(last.actions)[0]).toBe("Saved");
    expect(state.stepId).toBe("next");
  });

  it("the retry keeps the share button on the keyboard", () => {
    const { last } = drive(flowFor({ kind: "contact", key: "phone" }), [start(), text("nope")]);
    expect(sends(last.actions)[0]?.keyboard).toMatchObject({ kind: "reply" });
  });

  it("tags are added and removed with the saved value; later templates see the new value", () => {
    const flow = flowFor(
      { kind: "custom", key: "size" },
      { addTags: ["lead", "sized"], removeTags: ["cold"] },
    );
    const { last } = drive(flow, [start(), text("Small")]);
    expect(actionsOf(last.actions, "update_contact")[0]).toMatchObject({
      addTags: ["lead", "sized"],
      removeTags: ["cold"],
    });
    expect(texts(last.actions)).toEqual(["Saved", "Next, Ann / Small"]);
  });

  it("a new first name is used by later templates of the same event", () => {
    const { last } = drive(flowFor({ kind: "contact", key: "first_name" }), [start(), text("Olena")]);
    expect(texts(last.actions)).toEqual(["Saved", "Next, Olena / -"]);
  });

  it("saveAs also keeps the value in a variable", () => {
    const { state } = drive(flowFor({ kind: "contact", key: "email" }, { saveAs: "mail" }), [
      start(),
      text("a@b.co"),
    ]);
    expect(state.vars.mail).toBe("a@b.co");
  });

  it("the confirmation removes the share keyboard", () => {
    const { last } = drive(flowFor({ kind: "contact", key: "phone" }), [start(), contact("79991234567")]);
    expect(sends(last.actions)[0]).toMatchObject({ text: "Saved", keyboard: { kind: "remove" } });
  });
});
