/// <reference lib="webworker" />

import elkModule from "elkjs/lib/elk.bundled.js";
import type { ElkNode } from "elkjs/lib/elk-api";
import { elkClassOf } from "./elk-class";

/* Runs ELK off the main thread: a big flow's layout takes seconds, and the canvas stays responsive. */

const ELK = elkClassOf(elkModule);
const elk = new ELK();

self.onmessage = async (e: MessageEvent<{ id: number; graph: ElkNode }>) => {
  const { id, graph } = e.data;
  try {
    self.postMessage({ id, graph: await elk.layout(graph) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
