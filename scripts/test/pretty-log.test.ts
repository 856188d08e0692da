import { describe, expect, it } from "vitest";
import { prettyLogLine } from "../lib/pretty-log";

const ESC = String.fromCharCode(27);
const plain = (s: string) =>
  s
    .split(ESC)
    .join("")
    .replace(/\[\d+m/g, "");

describe("pretty log lines", () => {
  it("shows a pino JSON line as time, level, scope, message and fields", () => {
    const line = JSON.stringify({
      level: "warn",
      time: "2026-12-03T19:04:05.123Z",
      scope: "runtime vm:1",
      botId: "b-1",
      updateId: 7,
      msg: "getUpdates failed",
    });
    expect(plain(prettyLogLine(line))).toBe(
      "19:04:05 WARN  [runtime vm:1] getUpdates failed botId=b-1 updateId=7",
    );
  });

  it("leaves other lines alone", () => {
    expect(prettyLogLine("▲ Next.js 16.4.6")).toBe("▲ Next.js 16.4.6");
    expect(prettyLogLine("{ not json")).toBe("{ not json");
    expect(prettyLogLine('{"a":1}')).toBe('{"a":1}');
  });
});
