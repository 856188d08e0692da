import { flowVersions } from "@switchboard/db";
import { emptyFlowDocument, type FlowDocument } from "@switchboard/flow";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DRAFT_CHARS } from "../src/domains/flows/service";
import { FLOW_TEMPLATES, flowFromTemplate, welcomeFlow } from "../src/domains/flows/templates";
import { createWorld, expectTrpcError, goodFlow, type Member, unfinishedFlow, type World } from "./helpers";

let w: World;
let owner: Member;

beforeAll(async () => {
  w = await createWorld("flows");
  owner = await w.member("owner");
});

afterAll(async () => {
  await w?.close();
});

const newFlow = async (name = "Flow", template?: (typeof FLOW_TEMPLATES)[number]) =>
  (await owner.api.flows.create({ name, ...(template ? { template } : {}) })).id;

describe("create, list, rename", () => {
  it("creates an empty flow by default", async () => {
    const id = await newFlow("Empty one");
    const flow = await owner.api.flows.get({ id });
    expect(flow).toMatchObject({ id, name: "Empty one", publishedVersion: null });
    expect(flow.draft).toEqual(emptyFlowDocument());
    expect(await owner.api.flows.validate({ id })).toEqual([
      expect.objectContaining({ code: "FLOW_EMPTY", severity: "error" }),
    ]);
  });

  it("creates a flow from the welcome template that publishes as is", async () => {
    const id = await newFlow("Welcome", "welcome");
    expect((await owner.api.flows.get({ id })).draft).toEqual(welcomeFlow());
    const problems = await owner.api.flows.validate({ id });
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(await owner.api.flows.publish({ id })).toMatchObject({ ok: true, version: 1 });
  });

  it.each(FLOW_TEMPLATES.filter((t) => t !== "empty"))(
    "creates a flow from the %s template that publishes with no problems in a real workspace",
    async (template) => {
      const id = await newFlow(template, template);
      expect((await owner.api.flows.get({ id })).draft).toEqual(flowFromTemplate(template));
      expect(await owner.api.flows.validate({ id })).toEqual([]);
      expect(await owner.api.flows.publish({ id })).toEqual({ ok: true, version: 1, problems: [] });
    },
  );

  it("refuses a blank, too long or unknown-template flow", async () => {
    await expectTrpcError(owner.api.flows.create({ name: "   " }), "BAD_REQUEST", /Give the flow a name/);
    await expectTrpcError(owner.api.flows.create({ name: "x".repeat(121) }), "BAD_REQUEST");
    await expectTrpcError(
      owner.api.flows.create({ name: "x", template: "nope" as "welcome" }),
      "BAD_REQUEST",
    );
  });

  it("lists flows with their published version and the bots that run them, newest change first", async () => {
    const me = await w.member("owner");
    const first = (await me.api.flows.create({ name: "First" })).id;
    const second = (await me.api.flows.create({ name: "Second", template: "welcome" })).id;
    await me.api.flows.publish({ id: second });
    const { token } = await w.sandboxBot();
    const bot = await me.api.bots.connect({ token });
    await me.api.bots.update({ id: bot.id, entryFlowId: second });
    await me.api.flows.rename({ id: first, name: "First, renamed" });

    const list = await me.api.flows.list();
    expect(list.map((f) => [f.name, f.publishedVersion, f.botIds])).toEqual([
      ["First, renamed", null, []],
      ["Second", 1, [bot.id]],
    ]);
    expect(list[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(list[1]!.updatedAt.getTime());
  });

  it("renames, trimming the name", async () => {
    const id = await newFlow("Old");
    await owner.api.flows.rename({ id, name: "  New name  " });
    expect((await owner.api.flows.get({ id })).name).toBe("New name");
    await expectTrpcError(owner.api.flows.rename({ id, name: "" }), "BAD_REQUEST");
    expect((await owner.api.flows.get({ id })).name).toBe("New name");
  });
});

describe("drafts and publishing", () => {
  it("saveDraft keeps an unfinished draft and reports its problems", async () => {
    const id = await newFlow();
    const saved = await owner.api.flows.saveDraft({ id, draft: unfinishedFlow() });
    expect(saved.updatedAt).toBeInstanceOf(Date);
    expect(saved.problems).toContainEqual(
      expect.objectContaining({
        code: "BUTTON_NO_TARGET",
        severity: "error",
        stepId: "menu",
        path: "button:b",
      }),
    );
    expect((await owner.api.flows.get({ id })).draft).toEqual(unfinishedFlow());
    expect(await owner.api.flows.validate({ id })).toEqual(saved.problems);
  });

  it("saveDraft keeps a step that doesn't parse yet", async () => {
    const id = await newFlow();
    const draft = {
      ...goodFlow(),
      steps: [...goodFlow().steps, { id: "half", type: "buttons", config: { text: "Half-built" } }],
    };
    const saved = await owner.api.flows.saveDraft({ id, draft });
    expect(saved.problems).toContainEqual(expect.objectContaining({ code: "INVALID_STEP", stepId: "half" }));
    expect((await owner.api.flows.get({ id })).draft).toEqual(draft);
  });

  it("saveDraft refuses something that isn't a flow document at all", async () => {
    const id = await newFlow();
    await owner.api.flows.saveDraft({ id, draft: goodFlow() });
    for (const draft of [null, "text", [1, 2], { steps: "nope" }, { format: "other", steps: [] }])
      await expectTrpcError(
        owner.api.flows.saveDraft({ id, draft }),
        "BAD_REQUEST",
        /not a Switchboard flow/,
      );
    expect((await owner.api.flows.get({ id })).draft).toEqual(goodFlow());
  });

  it("refuses an oversized draft with PAYLOAD_TOO_LARGE and keeps the old one", async () => {
    const id = await newFlow();
    await owner.api.flows.saveDraft({ id, draft: goodFlow() });
    const huge = {
      ...goodFlow(),
      steps: [{ id: "big", type: "text", config: { text: "x".repeat(MAX_DRAFT_CHARS) } }],
    };
    await expectTrpcError(owner.api.flows.saveDraft({ id, draft: huge }), "PAYLOAD_TOO_LARGE", /too large/);
    expect((await owner.api.flows.get({ id })).draft).toEqual(goodFlow());
  });

  it("accepts a draft of exactly MAX_DRAFT_CHARS", async () => {
    const id = await newFlow();
    const base = { ...goodFlow(), steps: [{ id: "big", type: "text", config: { text: "" } }] };
    const pad = MAX_DRAFT_CHARS - JSON.stringify(base).length;
    const draft = { ...base, steps: [{ id: "big", type: "text", config: { text: "y".repeat(pad) } }] };
    expect(JSON.stringify(draft).length).toBe(MAX_DRAFT_CHARS);
    await owner.api.flows.saveDraft({ id, draft });
    const stored = (await owner.api.flows.get({ id })).draft as {
      steps: Array<{ config: { text: string } }>;
    };
    expect(stored.steps[0]!.config.text).toHaveLength(pad);
  });

  it("publish refuses a flow with errors, returns the problems and creates no version", async () => {
    const id = await newFlow();
    await owner.api.flows.saveDraft({ id, draft: unfinishedFlow() });
    const result = await owner.api.flows.publish({ id });
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: "BUTTON_NO_TARGET", severity: "error", stepId: "menu" }),
    );
    expect(await owner.api.flows.versions({ id })).toEqual([]);
    expect(await w.db.select().from(flowVersions).where(eq(flowVersions.flowId, id))).toEqual([]);
    expect((await owner.api.flows.get({ id })).publishedVersion).toBeNull();
  });

  it("an empty flow doesn't publish", async () => {
    const id = await newFlow();
    const result = await owner.api.flows.publish({ id });
    expect(result).toMatchObject({ ok: false, problems: [expect.objectContaining({ code: "FLOW_EMPTY" })] });
  });

  it("publishes v1, v2; versions shows which is live; rollback to v1 restores it", async () => {
    const id = await newFlow();
    await owner.api.flows.saveDraft({ id, draft: unfinishedFlow() });
    expect((await owner.api.flows.publish({ id })).ok).toBe(false);

    await owner.api.flows.saveDraft({ id, draft: goodFlow() });
    expect(await owner.api.flows.publish({ id })).toMatchObject({ ok: true, version: 1 });
    expect((await owner.api.flows.get({ id })).publishedVersion).toBe(1);

    const v2 = goodFlow();
    v2.steps[0] = {
      ...v2.steps[0]!,
      config: { text: "Hello again, {{name}}!" },
    } as FlowDocument["steps"][number];
    await owner.api.flows.saveDraft({ id, draft: v2 });
    expect(await owner.api.flows.publish({ id })).toMatchObject({ ok: true, version: 2 });

    let versions = await owner.api.flows.versions({ id });
    expect(versions.map((v) => [v.version, v.live])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions[0]!.publishedBy).toBe(owner.userId);
    expect(versions[0]!.publishedByName).toBe("owner");

    // Compiled versions are stored whole and keep their own text.
    const stored = await w.db.select().from(flowVersions).where(eq(flowVersions.flowId, id));
    const compiledText = (version: number) =>
      (
        stored.find((v) => v.version === version)!.compiled as {
          steps: { hello: { config: { text: string } } };
        }
      ).steps.hello.config.text;
    expect(compiledText(1)).toBe("Hello {{name}}!");
    expect(compiledText(2)).toBe("Hello again, {{name}}!");

    // An unfinished edit after publishing doesn't touch the live version.
    await owner.api.flows.saveDraft({ id, draft: unfinishedFlow() });
    expect((await owner.api.flows.get({ id })).publishedVersion).toBe(2);

    expect(await owner.api.flows.rollback({ id, version: 1 })).toEqual({ version: 1 });
    versions = await owner.api.flows.versions({ id });
    expect(versions.map((v) => [v.version, v.live])).toEqual([
      [2, false],
      [1, true],
    ]);
    const flow = await owner.api.flows.get({ id });
    expect(flow.publishedVersion).toBe(1);
    expect(flow.draft).toEqual(goodFlow());
    expect((await owner.api.flows.list()).find((f) => f.id === id)!.publishedVersion).toBe(1);

    // Publishing after a rollback makes the next number, never reusing one.
    expect(await owner.api.flows.publish({ id })).toMatchObject({ ok: true, version: 3 });
    await expectTrpcError(owner.api.flows.rollback({ id, version: 9 }), "NOT_FOUND", /Version 9/);
    await expectTrpcError(owner.api.flows.rollback({ id, version: 0 }), "BAD_REQUEST");
  });

  it("keeps a publish note with its version; a version's source is there for the diff", async () => {
    const id = await newFlow("Noted");
    await owner.api.flows.saveDraft({ id, draft: goodFlow() });
    expect(await owner.api.flows.publish({ id, note: "  First cut  " })).toMatchObject({
      ok: true,
      version: 1,
    });
    expect(await owner.api.flows.publish({ id, note: "   " })).toMatchObject({ ok: true, version: 2 });
    expect(await owner.api.flows.publish({ id })).toMatchObject({ ok: true, version: 3 });
    expect((await owner.api.flows.versions({ id })).map((v) => [v.version, v.note])).toEqual([
      [3, null],
      [2, null],
      [1, "First cut"],
    ]);
    expect(await owner.api.flows.version({ id, version: 1 })).toEqual({
      version: 1,
      createdAt: expect.any(Date),
      note: "First cut",
      source: goodFlow(),
    });
    await expectTrpcError(owner.api.flows.version({ id, version: 7 }), "NOT_FOUND", /Version 7/);
    await expectTrpcError(owner.api.flows.publish({ id, note: "x".repeat(281) }), "BAD_REQUEST", /under 280/);
    await expectTrpcError(owner.api.flows.publish({ id, note: "a\u0000b" }), "BAD_REQUEST", /can't be saved/);
  });

  it("knows whether the draft's content differs from the live version, by content, not by time", async () => {
    const id = await newFlow();
    // Nothing published: nothing to differ from.
    expect((await owner.api.flows.saveDraft({ id, draft: goodFlow() })).unpublishedChanges).toBe(false);
    expect((await owner.api.flows.get({ id })).unpublishedChanges).toBe(false);
    await owner.api.flows.publish({ id });
    expect((await owner.api.flows.get({ id })).unpublishedChanges).toBe(false);

    const edited = goodFlow();
    edited.steps[0] = { ...edited.steps[0]!, title: "Edited" } as FlowDocument["steps"][number];
    expect((await owner.api.flows.saveDraft({ id, draft: edited })).unpublishedChanges).toBe(true);
    // A reload still knows.
    expect((await owner.api.flows.get({ id })).unpublishedChanges).toBe(true);

    // Saving the live content again (an undo) is no change, even with the keys in another order.
    const reversedKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversedKeys)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversedKeys(x)]),
            )
          : v;
    const same = reversedKeys(goodFlow());
    expect(JSON.stringify(same)).not.toBe(JSON.stringify(goodFlow()));
    expect((await owner.api.flows.saveDraft({ id, draft: same })).unpublishedChanges).toBe(false);

    await owner.api.flows.saveDraft({ id, draft: edited });
    expect(await owner.api.flows.publish({ id })).toMatchObject({ ok: true, version: 2 });
    expect((await owner.api.flows.get({ id })).unpublishedChanges).toBe(false);
    // A rollback puts the version's source back into the draft: nothing unpublished.
    await owner.api.flows.rollback({ id, version: 1 });
    expect(await owner.api.flows.get({ id })).toMatchObject({
      publishedVersion: 1,
      unpublishedChanges: false,
    });
  });

  it("concurrent publishes get distinct version numbers", async () => {
    const id = await newFlow("Race", "welcome");
    const results = await Promise.all([1, 2, 3, 4].map(() => owner.api.flows.publish({ id })));
    const numbers = results.map((r) => (r.ok ? r.version : 0)).sort();
    expect(numbers).toEqual([1, 2, 3, 4]);
  });
});

describe("import and export", () => {
  it("exports a flow with a safe file name and re-imports it to an equal draft", async () => {
    const id = await newFlow("Lead magnet: v2 / test", "welcome");
    const exported = await owner.api.flows.exportJson({ id });
    expect(exported.fileName).toBe("Lead-magnet-v2-test.switchboard.json");
    const parsed = JSON.parse(exported.json);
    expect(parsed).toMatchObject({ name: "Lead magnet: v2 / test", format: "switchboard.flow", version: 1 });

    const imported = await owner.api.flows.importJson({ json: exported.json });
    const copy = await owner.api.flows.get({ id: imported.id });
    expect(copy.id).not.toBe(id);
    expect(copy.name).toBe("Lead magnet: v2 / test");
    expect(copy.draft).toEqual((await owner.api.flows.get({ id })).draft);
    expect(copy.publishedVersion).toBeNull();
  });

  it("names an import from the input, then the file, then 'Imported flow'", async () => {
    const json = JSON.stringify(goodFlow());
    const named = await owner.api.flows.importJson({ json, name: "  Given name " });
    expect((await owner.api.flows.get({ id: named.id })).name).toBe("Given name");
    const fromFile = await owner.api.flows.importJson({
      json: JSON.stringify({ ...goodFlow(), name: "In file" }),
    });
    expect((await owner.api.flows.get({ id: fromFile.id })).name).toBe("In file");
    const unnamed = await owner.api.flows.importJson({ json });
    expect((await owner.api.flows.get({ id: unnamed.id })).name).toBe("Imported flow");
  });

  it("keeps a file's overlong name within the flow name limit", async () => {
    const { id } = await owner.api.flows.importJson({
      json: JSON.stringify({ ...goodFlow(), name: `  ${"n".repeat(10_000)}` }),
    });
    const name = (await owner.api.flows.get({ id })).name;
    expect(name).toBe("n".repeat(120));
  });

  it("falls back to 'flow' for a name with no safe characters", async () => {
    const id = await newFlow("🤖🤖");
    expect((await owner.api.flows.exportJson({ id })).fileName).toBe("flow.switchboard.json");
  });

  it("refuses malformed JSON", async () => {
    const before = (await owner.api.flows.list()).length;
    await expectTrpcError(
      owner.api.flows.importJson({ json: "{ not json" }),
      "BAD_REQUEST",
      /^Invalid JSON:/,
    );
    await expectTrpcError(owner.api.flows.importJson({ json: "" }), "BAD_REQUEST", /^Invalid JSON:/);
    expect((await owner.api.flows.list()).length).toBe(before);
  });

  it.each([
    ["a number", "42"],
    ["null", "null"],
    ["an array", "[]"],
    ["another format", JSON.stringify({ format: "botmother", steps: [] })],
    ["no steps", JSON.stringify({ format: "switchboard.flow", version: 1 })],
    ["a broken step", JSON.stringify({ ...goodFlow(), steps: [{ id: "x", type: "teleport", config: {} }] })],
    ["a broken edge", JSON.stringify({ ...goodFlow(), edges: [{ id: "e", source: "hello" }] })],
  ])("refuses valid JSON that isn't a flow (%s)", async (_, json) => {
    const before = (await owner.api.flows.list()).length;
    await expectTrpcError(owner.api.flows.importJson({ json }), "BAD_REQUEST", /^Not a Switchboard flow: /);
    expect((await owner.api.flows.list()).length).toBe(before);
  });

  it("refuses a file over 5 MB", async () => {
    await expectTrpcError(owner.api.flows.importJson({ json: " ".repeat(5_000_001) }), "BAD_REQUEST", /5 MB/);
  });
});

describe("hostile names and texts", () => {
  const names = [
    `<script>alert("x")</script>`,
    "🤖 Бот «тест» & 'quotes' \"double\" \\ back",
    "<img src=x onerror=alert(1)>".padEnd(120, "!"),
    "'; DROP TABLE flows; --",
  ];

  it.each(names)("a flow named %s round-trips", async (name) => {
    const id = await newFlow(name);
    expect((await owner.api.flows.get({ id })).name).toBe(name);
    expect((await owner.api.flows.list()).find((f) => f.id === id)!.name).toBe(name);
    const exported = await owner.api.flows.exportJson({ id });
    expect(exported.fileName).toMatch(/^[\w.-]+\.switchboard\.json$/);
    expect(JSON.parse(exported.json).name).toBe(name);
  });

  it("10,000 characters of HTML and emoji in a step round-trip through draft, publish, export and import", async () => {
    const text = "<b>bold</b> & <script>x</script> 🤖👍🏽 {{name}} ".repeat(250).slice(0, 10_000);
    expect(text).toHaveLength(10_000);
    const doc = goodFlow();
    doc.steps[0] = {
      ...doc.steps[0]!,
      title: "<i>🤖</i>",
      config: { text },
    } as FlowDocument["steps"][number];
    const id = await newFlow("<h1>Hostile</h1>");
    await owner.api.flows.saveDraft({ id, draft: doc });
    expect((await owner.api.flows.get({ id })).draft).toEqual(doc);

    const published = await owner.api.flows.publish({ id });
    expect(published.ok).toBe(true);
    expect(published.problems).toContainEqual(
      expect.objectContaining({ code: "TEXT_WILL_BE_SPLIT", severity: "warning", stepId: "hello" }),
    );
    const [version] = await w.db.select().from(flowVersions).where(eq(flowVersions.flowId, id));
    expect(
      (version!.compiled as { steps: { hello: { config: { text: string } } } }).steps.hello.config.text,
    ).toBe(text);

    const { id: copyId } = await owner.api.flows.importJson({
      json: (await owner.api.flows.exportJson({ id })).json,
    });
    const copy = await owner.api.flows.get({ id: copyId });
    expect(copy.draft).toEqual(doc);
    expect(copy.name).toBe("<h1>Hostile</h1>");
  });
});

describe("input Postgres can't store is refused, not a server error", () => {
  const withText = (text: string) => {
    const doc = goodFlow();
    doc.steps[2] = { ...doc.steps[2]!, config: { text } } as FlowDocument["steps"][number];
    return doc;
  };

  it.each([
    ["a NUL character", "before\u0000after"],
    ["half an emoji", "broken \uD83E emoji"],
  ])("saveDraft and importJson refuse %s with where it is", async (_, text) => {
    const id = await newFlow("Unstorable");
    await owner.api.flows.saveDraft({ id, draft: goodFlow() });
    await expectTrpcError(
      owner.api.flows.saveDraft({ id, draft: withText(text) }),
      "BAD_REQUEST",
      /can't be saved.*steps\.2\.config\.text/,
    );
    expect((await owner.api.flows.get({ id })).draft).toEqual(goodFlow());
    await expectTrpcError(
      owner.api.flows.importJson({ json: JSON.stringify(withText(text)) }),
      "BAD_REQUEST",
      /can't be saved.*steps\.2\.config\.text/,
    );
  });

  it("a whole emoji is fine", async () => {
    const id = await newFlow("Emoji");
    await owner.api.flows.saveDraft({ id, draft: withText("🤖 ok") });
    expect((await owner.api.flows.get({ id })).draft).toEqual(withText("🤖 ok"));
  });

  it("flow names with a NUL character are refused", async () => {
    await expectTrpcError(owner.api.flows.create({ name: "a\u0000b" }), "BAD_REQUEST", /can't be saved/);
    const id = await newFlow("Fine");
    await expectTrpcError(owner.api.flows.rename({ id, name: "a\u0000b" }), "BAD_REQUEST", /can't be saved/);
    await expectTrpcError(
      owner.api.flows.importJson({ json: JSON.stringify({ ...goodFlow(), name: "a\u0000b" }) }),
      "BAD_REQUEST",
      /can.t be saved.* at name\./,
    );
  });

  it("an overlong file name is cut without splitting an emoji", async () => {
    const { id } = await owner.api.flows.importJson({
      json: JSON.stringify({ ...goodFlow(), name: `${"a".repeat(119)}🤖` }),
    });
    expect((await owner.api.flows.get({ id })).name).toBe("a".repeat(119));
  });

  it("a draft that isn't plain JSON is refused", async () => {
    const id = await newFlow("Not JSON");
    await expectTrpcError(
      owner.api.flows.saveDraft({ id, draft: { ...goodFlow(), steps: [{ id: "x", n: 1n }] } }),
      "BAD_REQUEST",
      /BigInt/,
    );
    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    await expectTrpcError(
      owner.api.flows.saveDraft({ id, draft: { ...goodFlow(), steps: [deep] } }),
      "BAD_REQUEST",
    );
  });
});

describe("flows.remove", () => {
  it("refuses while a bot runs the flow, then removes it", async () => {
    const id = await newFlow("In use", "welcome");
    await owner.api.flows.publish({ id });
    const { token, username } = await w.sandboxBot();
    const bot = await owner.api.bots.connect({ token });
    await owner.api.bots.update({ id: bot.id, entryFlowId: id });

    await expectTrpcError(owner.api.flows.remove({ id }), "PRECONDITION_FAILED", new RegExp(`@${username}`));
    expect((await owner.api.flows.get({ id })).name).toBe("In use");

    await owner.api.bots.update({ id: bot.id, entryFlowId: null });
    await owner.api.flows.remove({ id });
    await expectTrpcError(owner.api.flows.get({ id }), "NOT_FOUND");
    expect(await w.db.select().from(flowVersions).where(eq(flowVersions.flowId, id))).toEqual([]);
    await expectTrpcError(owner.api.flows.remove({ id }), "NOT_FOUND");
  });
});
