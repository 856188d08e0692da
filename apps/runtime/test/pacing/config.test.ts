import { describe, expect, it } from "vitest";
import { configFromEnv } from "../../src/config";
import { chatLimitOf } from "../../src/pacing/bot-pacer";

const base = { DATABASE_URL: "postgres://x/y" };

describe("pacing settings from the environment", () => {
  it("by default each bot's own setting applies, and a chat gets 1/s after a burst of 3", () => {
    const config = configFromEnv(base);
    expect(config.messagesPerSecond).toBeNull();
    expect(chatLimitOf(config)).toEqual({ intervalMs: 1000, burst: 3 });
  });

  it("benchmarks can override the bot's limit and lift the chat's", () => {
    const config = configFromEnv({
      ...base,
      RUNTIME_BOT_MESSAGES_PER_SECOND: "5000",
      RUNTIME_CHAT_MESSAGES_PER_SECOND: "100",
      RUNTIME_CHAT_BURST: "1",
    });
    expect(config.messagesPerSecond).toBe(5000);
    expect(chatLimitOf(config)).toEqual({ intervalMs: 10, burst: 1 });
  });

  it("refuses a value that is not a positive number, naming the variable", () => {
    expect(() => configFromEnv({ ...base, RUNTIME_CHAT_MESSAGES_PER_SECOND: "fast" })).toThrow(
      "RUNTIME_CHAT_MESSAGES_PER_SECOND must be a positive number, got 'fast'.",
    );
    expect(() => configFromEnv({ ...base, RUNTIME_BOT_MESSAGES_PER_SECOND: "0" })).toThrow(
      /RUNTIME_BOT_MESSAGES_PER_SECOND/,
    );
  });
});
