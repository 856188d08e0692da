import { describe, expect, it } from "vitest";
import { createPressGate } from "./press-gate";

function setup() {
  const scheduled: (() => void)[] = [];
  const gate = createPressGate((fn) => scheduled.push(fn));
  const log: string[] = [];
  const update = (name: string) => () => log.push(name);
  return { gate, scheduled, log, update };
}

describe("createPressGate", () => {
  it("runs an update at once when nothing is pressed", () => {
    const { gate, log, update } = setup();
    gate.run(update("a"));
    expect(log).toEqual(["a"]);
  });

  it("keeps the latest update of a press and runs it after the release", () => {
    const { gate, scheduled, log, update } = setup();
    gate.press();
    gate.run(update("a"));
    gate.run(update("b"));
    expect(log).toEqual([]);
    gate.release();
    expect(log).toEqual([]);
    scheduled[0]!();
    expect(log).toEqual(["b"]);
  });

  it("schedules nothing for a press without updates", () => {
    const { gate, scheduled } = setup();
    gate.press();
    gate.release();
    expect(scheduled).toEqual([]);
  });

  it("drops a released update that a newer one overtook", () => {
    const { gate, scheduled, log, update } = setup();
    gate.press();
    gate.run(update("held"));
    gate.release();
    gate.run(update("newer"));
    scheduled[0]!();
    expect(log).toEqual(["newer"]);
  });

  it("a new press before the scheduled run keeps only the new press's update", () => {
    const { gate, scheduled, log, update } = setup();
    gate.press();
    gate.run(update("first"));
    gate.release();
    gate.press();
    gate.run(update("second"));
    scheduled[0]!();
    expect(log).toEqual([]);
    gate.release();
    scheduled[1]!();
    expect(log).toEqual(["second"]);
  });
});
