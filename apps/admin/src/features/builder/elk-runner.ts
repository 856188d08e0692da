"use client";

import type { ElkNode } from "elkjs/lib/elk-api";
import elkApi from "elkjs/lib/elk-api.js";
import { elkClassOf } from "./elk-class";
import type { ElkLike } from "./elk-layout";

/*
 * ELK for the browser: in a web worker (a layout may take seconds), on the main thread if a worker
 * can't start. The 1.6 MB layout engine is only loaded when a flow is first arranged.
 */

/** A layout that takes longer than this is given up (the caller falls back to the quick layout). */
export const ELK_TIMEOUT_MS = 10_000;

class LayoutTimeout extends Error {}

/** Spelled exactly so: the bundler turns this `new Worker(new URL(…))` into a bundled worker script. */
function createWorker(): Worker {
  return new Worker(new URL("./elk.worker.ts", import.meta.url));
}

interface RunningWorker {
  elk: ElkLike & { terminateWorker?: () => void };
  /** Rejects when the worker fails (it didn't load, or it crashed). */
  failed: Promise<never>;
}

let running: RunningWorker | null = null;
let workerBroken = false;

function startWorker(): RunningWorker | null {
  if (workerBroken || typeof Worker === "undefined") return null;
  if (running) return running;
  try {
    let fail: (e: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    failed.catch(() => undefined); // handled where it is raced
    const ELK = elkClassOf(elkApi);
    const elk = new ELK({
      workerFactory: () => {
        const worker = createWorker();
        worker.addEventListener("error", (e) => fail(new Error(e.message || "The layout worker failed")));
        return worker;
      },
    });
    running = { elk, failed };
    return running;
  } catch {
    workerBroken = true;
    return null;
  }
}

function stopWorker() {
  running?.elk.terminateWorker?.();
  running = null;
}

async function mainThreadLayout(graph: ElkNode): Promise<ElkNode> {
  const ELK = elkClassOf(await import("elkjs/lib/elk.bundled.js"));
  return new ELK().layout(graph);
}

/** Lays a graph out in the worker (main thread if the worker can't run), within ELK_TIMEOUT_MS. */
export const browserElk: ElkLike = {
  async layout(graph) {
    const worker = startWorker();
    if (!worker) return mainThreadLayout(graph);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LayoutTimeout("The layout took too long")), ELK_TIMEOUT_MS);
    });
    try {
      return await Promise.race([worker.elk.layout(graph), worker.failed, timeout]);
    } catch (error) {
      // A stuck layout: drop the worker (the next arrange starts a fresh one) and let the caller fall back.
      stopWorker();
      if (error instanceof LayoutTimeout) throw error;
      // The worker couldn't load or crashed: lay out here from now on.
      workerBroken = true;
      return mainThreadLayout(graph);
    } finally {
      clearTimeout(timer);
    }
  },
};
