import { flowDoc, textStep } from "@switchboard/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, expectTrpcError, type Member, type World } from "./helpers";

let w: World;
let owner: Member;
let botId: string;

beforeAll(async () => {
  w = await createWorld("botvars");
  owner = await w.member("owner");
  const { token } = await w.sandboxBot();
  botId = (await owner.api.bots.connect({ token })).id;
});

afterAll(async () => {
  await w?.close();
});

describe("botVariables", () => {
  it("sets, lists by key, changes a value, removes", async () => {
    expect(await owner.api.botVariables.list({ botId })).toEqual([]);
    expect(await owner.api.botVariables.set({ botId, key: "promo", value: "SPRING" })).toMatchObject({
      key: "promo",
      value: "SPRING",
      updatedAt: expect.any(Date),
    });
    await owner.api.botVariables.set({ botId, key: "ref_link", value: "https://t.me/x?start=r" });
    await owner.api.botVariables.set({ botId, key: "promo", value: "SUMMER" });
    expect((await owner.api.botVariables.list({ botId })).map(({ key, value }) => ({ key, value }))).toEqual([
      { key: "promo", value: "SUMMER" },
      { key: "ref_link", value: "https://t.me/x?start=r" },
    ]);
    expect(await owner.api.botVariables.all()).toEqual([
      { botId, key: "promo", value: "SUMMER" },
      { botId, key: "ref_link", value: "https://t.me/x?start=r" },
    ]);
    await owner.api.botVariables.remove({ botId, key: "ref_link" });
    expect((await owner.api.botVariables.list({ botId })).map((v) => v.key)).toEqual(["promo"]);
    await expectTrpcError(
      owner.api.botVariables.remove({ botId, key: "ref_link" }),
      "NOT_FOUND",
      "Variable not found.",
    );
  });

  it("refuses bad keys and values too long, with the reason", async () => {
    for (const key of ["", "Promo", "1st", "with-dash", "a".repeat(33)])
      await expectTrpcError(owner.api.botVariables.set({ botId, key, value: "x" }), "BAD_REQUEST", /key/);
    await owner.api.botVariables.set({ botId, key: "a".repeat(32), value: "x".repeat(4096) });
    await expectTrpcError(
      owner.api.botVariables.set({ botId, key: "long", value: "x".repeat(4097) }),
      "BAD_REQUEST",
      /4096/,
    );
  });

  it("a bot has at most 100 variables; changing one at the limit still works", async () => {
    const { token } = await w.sandboxBot();
    const full = (await owner.api.bots.connect({ token })).id;
    for (let i = 0; i < 100; i++) await owner.api.botVariables.set({ botId: full, key: `v${i}`, value: "1" });
    await expectTrpcError(
      owner.api.botVariables.set({ botId: full, key: "one_more", value: "1" }),
      "BAD_REQUEST",
      /at most 100/,
    );
    await owner.api.botVariables.set({ botId: full, key: "v7", value: "changed" });
    expect((await owner.api.botVariables.list({ botId: full })).find((v) => v.key === "v7")?.value).toBe(
      "changed",
    );
  });

  it("operators read but can't write; other workspaces see nothing", async () => {
    const operator = await w.member("operator", owner.workspaceId);
    const marketer = await w.member("marketer", owner.workspaceId);
    await marketer.api.botVariables.set({ botId, key: "by_marketer", value: "ok" });
    expect((await operator.api.botVariables.list({ botId })).map((v) => v.key)).toContain("by_marketer");
    await expectTrpcError(operator.api.botVariables.set({ botId, key: "x", value: "y" }), "FORBIDDEN");
    await expectTrpcError(operator.api.botVariables.remove({ botId, key: "by_marketer" }), "FORBIDDEN");

    const stranger = await w.member("owner");
    await expectTrpcError(stranger.api.botVariables.list({ botId }), "NOT_FOUND", "Bot not found.");
    await expectTrpcError(stranger.api.botVariables.set({ botId, key: "x", value: "y" }), "NOT_FOUND");
    expect(await stranger.api.botVariables.all()).toEqual([]);
  });

  it("publishing warns about {{bot.KEY}} that no bot running the flow has", async () => {
    const { token } = await w.sandboxBot();
    const bot = await owner.api.bots.connect({ token });
    await owner.api.botVariables.set({ botId: bot.id, key: "support", value: "+1 555" });
    const { id: flowId } = await owner.api.flows.create({ name: "Bot vars" });
    await owner.api.flows.saveDraft({
      id: flowId,
      draft: flowDoc([textStep("t", "Call {{bot.support}} with {{bot.code}}")]),
    });
    const unknown = (problems: { code: string; message: string }[]) =>
      problems.filter((p) => p.code === "UNKNOWN_VARIABLE").map((p) => p.message);
    // No bot runs the flow yet: bot variables are taken on trust.
    expect(unknown(await owner.api.flows.validate({ id: flowId }))).toEqual([]);
    await owner.api.bots.update({ id: bot.id, entryFlowId: flowId });
    expect(unknown(await owner.api.flows.validate({ id: flowId }))).toEqual([
      "Text step, text: {{bot.code}} is not a variable of any bot running this flow; it will be empty.",
    ]);
    const published = await owner.api.flows.publish({ id: flowId });
    expect(published.ok).toBe(true);
  });
});

describe("{{bot.KEY}} in a conversation", () => {
  it("renders the bot's value, and a changed value on the next message", async () => {
    const bot = await w.publishedBot(
      owner,
      flowDoc([textStep("t", 'Use {{bot.promo | "no code"}} at {{bot.shop}}')]),
    );
    await owner.api.botVariables.set({ botId: bot.botId, key: "promo", value: "SPRING10" });
    await owner.api.botVariables.set({ botId: bot.botId, key: "shop", value: "shop.example" });
    const user = { id: 555_000 + Math.floor(Math.random() * 1000), first_name: "Vi" };
    const first = await w.userSays(bot, user);
    expect((await w.outbox(first.conversation.id)).map((m) => m.text)).toEqual([
      "Use SPRING10 at shop.example",
    ]);
    await owner.api.botVariables.remove({ botId: bot.botId, key: "promo" });
    await w.userSays(bot, user);
    expect((await w.outbox(first.conversation.id)).map((m) => m.text).at(-1)).toBe(
      "Use no code at shop.example",
    );
  });
});
