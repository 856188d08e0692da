import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../src/log";

const token = "7012345678:AAH3xk_Qp-9ZtY2wVb8uN1mLrS4dE6fG7hJ";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("the runtime's log", () => {
  it("never prints a bot token, in the message or in the extra fields", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    const log = createLogger("test");
    // What Telegraf's fetch failure says: the request URL, token included.
    const error = `FetchError: request to https://api.telegram.org/bot${token}/getUpdates failed`;
    log("error", error);
    log("warn", "polling failed", { error });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).toContain("bot<bot token>/getUpdates");
    }
  });
});
