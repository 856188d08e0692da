import { describe, expect, it } from "vitest";
import { redactBotTokens, safeErrorText } from "../src/redact";

const token = "7012345678:AAH3xk_Qp-9ZtY2wVb8uN1mLrS4dE6fG7hJ";

describe("redactBotTokens", () => {
  it("replaces a token wherever it is: alone, in a Bot API URL, in a file URL", () => {
    expect(redactBotTokens(`token ${token}`)).toBe("token <bot token>");
    expect(
      redactBotTokens(
        `request to https://api.telegram.org/bot${token}/getUpdates failed, reason: ECONNRESET`,
      ),
    ).toBe("request to https://api.telegram.org/bot<bot token>/getUpdates failed, reason: ECONNRESET");
    expect(redactBotTokens(`GET /file/bot${token}/photos/1.jpg: 404`)).not.toContain(token);
  });

  it("leaves text without a token as it is (times, short ids)", () => {
    const text = "at 12:30 the chat 123:456 failed (code 400: Bad Request)";
    expect(redactBotTokens(text)).toBe(text);
  });
});

describe("safeErrorText", () => {
  it("redacts the message, the stack and the causes", () => {
    const error = new Error("delivery failed", {
      cause: new Error(`fetch https://x/bot${token}/sendMessage`),
    });
    const text = safeErrorText(error);
    expect(text).toContain("delivery failed");
    expect(text).toContain("caused by:");
    expect(text).not.toContain(token);
    expect(safeErrorText(`thrown ${token}`)).toBe("thrown <bot token>");
  });
});
