import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, createPino, logLevelFromEnv } from "../src/log";

/** A pino destination that keeps the parsed lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe("structured logs", () => {
  it("writes one JSON object a line with time, level name, scope, msg and the known ids", async () => {
    const { lines, stream } = capture();
    const log = createLogger("runtime test-1", createPino("info", stream));
    log("warn", "getUpdates failed", { botId: "b-1", chatId: 42, updateId: 7, requestId: "r-1" });
    log("info", "started");
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(2);
    const [first, second] = lines;
    expect(first).toMatchObject({
      level: "warn",
      scope: "runtime test-1",
      msg: "getUpdates failed",
      botId: "b-1",
      chatId: 42,
      updateId: 7,
      requestId: "r-1",
    });
    expect(new Date(String(first!.time)).toISOString()).toBe(first!.time);
    expect(second).toMatchObject({ level: "info", msg: "started" });
    expect(second).not.toHaveProperty("pid");
  });

  it("drops lines below LOG_LEVEL, and silent drops everything", async () => {
    const { lines, stream } = capture();
    const log = createLogger("s", createPino("error", stream));
    log("info", "hidden");
    log("warn", "hidden too");
    log("error", "shown");
    const silent = createLogger("s", createPino("silent", stream));
    silent("error", "never");
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual(["shown"]);
  });

  it("reads LOG_LEVEL, defaulting to info for a missing or unknown value", () => {
    expect(logLevelFromEnv({ LOG_LEVEL: "silent" })).toBe("silent");
    expect(logLevelFromEnv({ LOG_LEVEL: "debug" })).toBe("debug");
    expect(logLevelFromEnv({})).toBe("info");
    expect(logLevelFromEnv({ LOG_LEVEL: "loud" })).toBe("info");
  });
});
