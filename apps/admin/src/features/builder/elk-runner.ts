"use client";

import type { ElkNode } from "elkjs/lib/elk-api";
import { elkClassOf } from "./elk-class";
import type { ElkLike } from "./elk-layout";

/*
 * ELK for the browser: in a web worker (a layout may take seconds), on the main thread if a worker
 * can't start. elkjs is large (1.6 MB), so it is only loaded when a flow is first arranged.
 */

/** A layout that takes longer than this is given up (the caller falls back to the quick layout). */
export const ELK_TIMEOUT_MS = 10_000;

type Reply = { id: number; graph?: ElkNode; error?: string };

class WorkerElk implements ElkLike {
  private next = 0;
  private pending = new Map<number, { resolve: (g: ElkNode) => void; reject: (e: Error) => void }>();
  constructor(private worker: Worker) {
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const call = this.pending.get(e.data.id);
      if (!call) return;
      this.pending.delete(e.data.id);
      if (e.data.graph) call.resolve(e.data.graph);
      else call.reject(new Error(e.data.error ?? "ELK failed"));
    };
    worker.onerror = (e) => this.failAll(new Error(e.message || "The layout worker failed"));
  }
  failAll(error: Error) {
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
  layout(graph: ElkNode): Promise<ElkNode> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, graph });
    });
  }
  terminate() {
    this.worker.terminate();
    this.failAll(new Error("The layout took too long"));
  }
}

let workerElk: WorkerElk | null = null;
let workerBroken = false;

async function mainThreadLayout(graph: ElkNode): Promise<ElkNode> {
  const ELK = elkClassOf(await import("elkjs/lib/elk.bundled.js"));
  return new ELK().layout(graph);
}

/** Spelled exactly so: the bundler turns this `new Worker(new URL(…))` into a bundled worker script. */
function createWorker(): Worker {
  return new Worker(new URL("./elk.worker.ts", import.meta.url));
}

function startWorker(): WorkerElk | null {
  if (workerBroken || typeof Worker === "undefined") return null;
  try {
    if (!workerElk) workerElk = new WorkerElk(createWorker());
    return workerElk;
  } catch {
    workerBroken = true;
    return null;
  }
}

/** Lays a graph out in the worker (main thread if the worker can't run), within ELK_TIMEOUT_MS. */
export const browserElk: ElkLike = {
  async layout(graph) {
    const worker = startWorker();
    if (!worker) return mainThreadLayout(graph);
    const timer = setTimeout(() => {
      // A stuck layout: drop the worker (the next arrange starts a fresh one).
      worker.terminate();
      if (workerElk === worker) workerElk = null;
    }, ELK_TIMEOUT_MS);
    try {
      return await worker.layout(graph);
    } catch (error) {
      if (error instanceof Error && error.message === "The layout took too long") throw error;
      // The worker couldn't load (e.g. a browser that blocks it): lay out here from now on.
      workerBroken = true;
      workerElk = null;
      return mainThreadLayout(graph);
    } finally {
      clearTimeout(timer);
    }
  },
};
