import type { FinalConnectionState } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { connectionToBody } from "./connect-drop";

type State = Pick<FinalConnectionState, "isValid" | "fromNode" | "fromHandle">;
const from = (handle: { id: string | null; type: "source" | "target" }, isValid: boolean | null = null) =>
  ({
    isValid,
    fromNode: { id: "a" },
    fromHandle: {
      id: handle.id,
      type: handle.type,
      nodeId: "a",
      position: "right",
      x: 0,
      y: 0,
      width: 8,
      height: 8,
    },
  }) as unknown as State;

describe("connectionToBody", () => {
  it("connects an output dropped on another step's body to that step", () => {
    expect(connectionToBody(from({ id: "next", type: "source" }), "b")).toEqual({
      source: "a",
      sourceHandle: "next",
      target: "b",
    });
  });

  it("leaves a drop on or near an input dot to React Flow (it connected already)", () => {
    expect(connectionToBody(from({ id: "next", type: "source" }, true), "b")).toBeNull();
  });

  it("ignores a drop on nothing, on the step itself, or a drag that started at an input", () => {
    expect(connectionToBody(from({ id: "next", type: "source" }), null)).toBeNull();
    expect(connectionToBody(from({ id: "next", type: "source" }), "a")).toBeNull();
    expect(connectionToBody(from({ id: "in", type: "target" }), "b")).toBeNull();
  });

  it("ignores a connection that never started", () => {
    expect(connectionToBody({ isValid: null, fromNode: null, fromHandle: null }, "b")).toBeNull();
  });
});
