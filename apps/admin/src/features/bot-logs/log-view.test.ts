import { describe, expect, it } from "vitest";
import {
  hasFilters,
  logsInput,
  methodLabel,
  NO_FILTERS,
  setAsideUpdateId,
  type WebhookInfo,
  webhookSummary,
} from "./log-view";

const NOW = Date.parse("2026-12-03T19:00:00Z");

describe("bot log filters", () => {
  it("become bots.logs' input, empty ones left out", () => {
    expect(logsInput("b1", NO_FILTERS, NOW)).toEqual({ botId: "b1", limit: 50 });
    expect(hasFilters(NO_FILTERS)).toBe(false);
    const f = {
      ...NO_FILTERS,
      level: "error" as const,
      method: "sendMessage",
      search: "  blocked ",
      range: "1h" as const,
    };
    expect(logsInput("b1", f, NOW)).toEqual({
      botId: "b1",
      limit: 50,
      level: "error",
      method: "sendMessage",
      search: "blocked",
      from: new Date(NOW - 3_600_000),
    });
    expect(hasFilters(f)).toBe(true);
  });

  it("a custom range uses the date-time fields, ignoring an unreadable one", () => {
    const input = logsInput(
      "b1",
      { ...NO_FILTERS, range: "custom", from: "2026-12-01T10:00", to: "nonsense" },
      NOW,
    );
    expect(input.from).toEqual(new Date("2026-12-01T10:00"));
    expect(input).not.toHaveProperty("to");
  });
});

describe("bot log lines", () => {
  it("name their kind and a set-aside update", () => {
    expect(methodLabel(null)).toBe("Runtime");
    expect(methodLabel("update")).toBe("Incoming update");
    expect(methodLabel("sendMessage")).toBe("sendMessage");
    expect(setAsideUpdateId({ details: { kind: "set_aside", updateId: 7 } })).toBe(7);
    expect(setAsideUpdateId({ details: { kind: "ignored_update" } })).toBeNull();
    expect(setAsideUpdateId({ details: null })).toBeNull();
  });
});

describe("webhookSummary", () => {
  const info = (over: Partial<WebhookInfo>): WebhookInfo => ({
    deliveryMode: "webhook",
    url: "https://bots.example.com/telegram/x",
    hasCustomCertificate: false,
    pendingUpdateCount: 0,
    ipAddress: null,
    lastErrorDate: null,
    lastErrorMessage: null,
    lastSynchronizationErrorDate: null,
    maxConnections: 40,
    allowedUpdates: null,
    ...over,
  });
  it.each([
    [{ deliveryMode: "polling" as const, url: "" }, "green", "Polling"],
    [{ url: "" }, "red", "No webhook set"],
    [{ deliveryMode: "polling" as const }, "amber", "Webhook set while polling"],
    [
      { lastErrorMessage: "Wrong response from the webhook: 500", pendingUpdateCount: 3 },
      "red",
      "Webhook had errors",
    ],
    [{ lastErrorMessage: "Read timeout expired" }, "amber", "Webhook had errors"],
    [{}, "green", "Webhook working"],
  ])("%o → %s %s", (over, tone, title) => {
    expect(webhookSummary(info(over))).toMatchObject({ tone, title });
  });
  it("counts the updates waiting", () => {
    expect(webhookSummary(info({ pendingUpdateCount: 1 })).detail).toMatch(/1 update waiting/);
    expect(webhookSummary(info({ pendingUpdateCount: 2 })).detail).toMatch(/2 updates waiting/);
  });
});
