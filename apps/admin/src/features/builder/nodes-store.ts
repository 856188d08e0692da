import type { Dispatch, SetStateAction } from "react";
import { useSyncExternalStore } from "react";
import type { StepNodeType } from "./step-node";

/**
 * The canvas' nodes, kept outside React state: React Flow changes them on every frame of a drag, and
 * as the builder's state each frame re-rendered the whole builder (and walked its tree for context
 * consumers). Only the canvas subscribes (useCanvasNodeList).
 */
export interface NodesStore {
  get: () => StepNodeType[];
  /** Like a state setter; an updater runs at once, on the latest nodes. */
  set: Dispatch<SetStateAction<StepNodeType[]>>;
  /**
   * Sets the nodes without telling subscribers: for a drag's moves, which React Flow is given
   * directly (use-canvas-nodes.ts). The canvas reads them on its next render.
   */
  setUnseen: (next: StepNodeType[]) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createNodesStore(initial: StepNodeType[]): NodesStore {
  let nodes = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => nodes,
    set: (next) => {
      const value = typeof next === "function" ? next(nodes) : next;
      if (value === nodes) return;
      nodes = value;
      for (const listener of listeners) listener();
    },
    setUnseen: (next) => {
      nodes = next;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const useCanvasNodeList = (store: NodesStore): StepNodeType[] =>
  useSyncExternalStore(store.subscribe, store.get, store.get);
