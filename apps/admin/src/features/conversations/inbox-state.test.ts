import { describe, expect, it } from "vitest";
import { displayStatus, listInput, matchesFilter, type Queue } from "./inbox-state";

const since = new Date("2026-01-01T10:00:00Z");
const _queue: Queue = {
  waiting: [
    { conversationId: "w1", inMyPool: true, waitingSince: since },
    { conversationId: "w2", inMyPool: false, waitingSince: since },
  ],
  mine: [{ conversationId: "m1" }],
};

describe("displayStatus", () => {
  it("splits operator conversations into waiting and taken", () => {
    const waiting = new Set(["w1"]);
    expect(displayStatus("operator", "w1", waiting)).toBe("waiting");
    expect(displayStatus("operator", "m1", waiting)).toBe("operator");
    expect(displayStatus("bot", "w1", waiting)).toBe("bot");
    expect(displayStatus("closed", "x", waiting)).toBe("closed");
    expect(displayStatus("blocked", "x", waiting)).toBe("blocked");
  });
});

describe("listInput / matchesFilter", () => {
  it("asks the API for operator conversations for both operator filters", () => {
    expect(listInput("", "")).toEqual({ limit: 200 });
    expect(listInput("waiting", "b1")).toEqual({ limit: 200, botId: "b1", status: "operator" });
    expect(listInput("operator", "")).toEqual({ limit: 200, status: "operator" });
    expect(listInput("closed", "")).toEqual({ limit: 200, status: "closed" });
  });

  it("keeps what the filter names", () => {
    expect(matchesFilter("", "bot")).toBe(true);
    expect(matchesFilter("waiting", "waiting")).toBe(true);
    expect(matchesFilter("waiting", "operator")).toBe(false);
    expect(matchesFilter("operator", "waiting")).toBe(false);
  });
});
