import { describe, expect, it, vi } from "vitest";
import { createNodesStore } from "./nodes-store";
import type { StepNodeType } from "./step-node";

const node = (id: string) => ({ id, position: { x: 0, y: 0 }, data: {} }) as unknown as StepNodeType;

describe("createNodesStore", () => {
  it("sets a value or applies an updater to the latest nodes, and tells subscribers", () => {
    const store = createNodesStore([node("a")]);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set((prev) => [...prev, node("b")]);
    store.set((prev) => [...prev, node("c")]);
    expect(store.get().map((n) => n.id)).toEqual(["a", "b", "c"]);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.set([]);
    expect(store.get()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("doesn't tell subscribers when the nodes stay the same", () => {
    const store = createNodesStore([node("a")]);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set((prev) => prev);
    expect(listener).not.toHaveBeenCalled();
  });

  it("sets nodes unseen: subscribers aren't told, the next read gets them", () => {
    const store = createNodesStore([node("a")]);
    const listener = vi.fn();
    store.subscribe(listener);
    const next = [node("b")];
    store.setUnseen(next);
    expect(listener).not.toHaveBeenCalled();
    expect(store.get()).toBe(next);
    store.set((prev) => [...prev, node("c")]);
    expect(store.get().map((n) => n.id)).toEqual(["b", "c"]);
  });
});
