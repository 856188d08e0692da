import { describe, expect, it } from "vitest";
import { deliveriesInput, lastResult, NO_FILTERS } from "./delivery-view";

describe("delivery log", () => {
  it("filters become the list's input; empty ones are left out", () => {
    expect(deliveriesInput(NO_FILTERS)).toEqual({ limit: 50 });
    expect(deliveriesInput({ status: "failed", botId: "b1" }, "c")).toEqual({
      limit: 50,
      status: "failed",
      botId: "b1",
      cursor: "c",
    });
  });

  it.each([
    [{ attempts: 0, lastStatusCode: null, lastError: null }, "Not tried yet"],
    [{ attempts: 1, lastStatusCode: 204, lastError: null }, "204"],
    [{ attempts: 2, lastStatusCode: 500, lastError: "HTTP 500" }, "HTTP 500"],
    [{ attempts: 3, lastStatusCode: null, lastError: "ECONNREFUSED" }, "ECONNREFUSED"],
    [
      { attempts: 0, lastStatusCode: null, lastError: 'Not an http(s) URL: "x".' },
      'Not an http(s) URL: "x".',
    ],
  ])("%j reads %s", (d, text) => {
    expect(lastResult(d)).toBe(text);
  });
});
