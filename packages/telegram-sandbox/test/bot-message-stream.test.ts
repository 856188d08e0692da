import { describe, expect, it } from "vitest";
import type { SandboxBotMessage } from "../src/index";
import { ALICE, BOB, OTHER_TOKEN, ok, TOKEN, useSandbox } from "./helpers";

const ctx = useSandbox();

function collector() {
  const seen: SandboxBotMessage[] = [];
  const waiters: Array<() => void> = [];
  return {
    seen,
    onMessage: (message: SandboxBotMessage) => {
      seen.push(message);
      for (const wake of waiters.splice(0)) wake();
    },
    async until(count: number): Promise<SandboxBotMessage[]> {
      while (seen.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return seen;
    },
  };
}

describe("bot-message stream", () => {
  it("streams every bot's messages from the moment it opens, with the bot's id, but no user messages", async () => {
    const messages = collector();
    const stream = await ctx.client.streamBotMessages(messages.onMessage);
    await ctx.client.sendText({ token: TOKEN, from: ALICE, text: "hello" });
    await ctx.client.sendText({ token: OTHER_TOKEN, from: BOB, text: "hi" });
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "one" });
    await ok(ctx.sandbox, "sendMessage", { chat_id: BOB.id, text: "two" }, OTHER_TOKEN);
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "three" });
    const seen = await messages.until(3);
    stream.close();
    await stream.done;
    expect(seen.map((m) => [m.bot_id, m.chat_id, m.text, m.from_bot])).toEqual([
      [100001, ALICE.id, "one", true],
      [100002, BOB.id, "two", true],
      [100001, ALICE.id, "three", true],
    ]);
    expect(seen[0]?.message_id).toBe(2);
  });

  it("stops telling a closed stream", async () => {
    const messages = collector();
    const stream = await ctx.client.streamBotMessages(messages.onMessage);
    stream.close();
    await stream.done;
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "after close" });
    const still = collector();
    const other = await ctx.client.streamBotMessages(still.onMessage);
    await ok(ctx.sandbox, "sendMessage", { chat_id: ALICE.id, text: "seen" });
    await still.until(1);
    other.close();
    expect(messages.seen).toEqual([]);
    expect(still.seen.map((m) => m.text)).toEqual(["seen"]);
  });
});
