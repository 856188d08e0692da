import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, createPino } from "../src/log";

const token = "7012345678:AAH3xk_Qp-9ZtY2wVb8uN1mLrS4dE6fG7hJ";

describe("the runtime's log", () => {
  it("never prints a bot token, in the message or in the extra fields", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    const log = createLogger("test", createPino("info", stream));
    // What Telegraf's fetch failure says: the request URL, token included.
    const error = `FetchError: request to https://api.telegram.org/bot${token}/getUpdates failed`;
    log("error", error);
    log("warn", "polling failed", { error });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).toContain("bot<bot token>/getUpdates");
      expect(() => JSON.parse(line)).not.toThrow();
    }
  });
});
