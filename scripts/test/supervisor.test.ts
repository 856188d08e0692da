// The stack's supervision with fake children: a child dying, a signal, or a second signal each end
// everything (children, grandchildren, the in-process cleanup) and no process is left behind.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const started: ChildProcess[] = [];

interface FakeStack {
  stack: ChildProcess;
  output: () => string;
  /** Children and the grandchild, once all are up. */
  pids: Promise<number[]>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startFakeStack(env: Record<string, string> = {}): FakeStack {
  const stack = spawn(process.execPath, ["--import", "tsx", "scripts/test/fixtures/fake-stack.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(stack);
  let output = "";
  const pids = new Promise<number[]>((resolve) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const children = /pids (\[[\d,]*\])/.exec(output);
      const grandchild = /grandchild (\d+)/.exec(output);
      const ready = output.match(/ ready\n/g)?.length ?? 0;
      if (children && grandchild && ready === 4)
        resolve([...JSON.parse(children[1]!), Number(grandchild[1])]);
    };
    stack.stdout!.on("data", look);
    stack.stderr!.on("data", look);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // "close", not "exit": the output is complete only when the pipes close.
    stack.once("close", (code, signal) => resolve({ code, signal })),
  );
  return { stack, output: () => output, pids, exited };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Orphans are reaped by init a moment after they die. */
async function expectAllGone(pids: number[]) {
  const deadline = Date.now() + 3000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(pids.filter(alive)).toEqual([]);
}

afterEach(async () => {
  // A failed test may leave its stack running: stop it the way a user would, then force.
  for (const s of started.splice(0)) {
    if (s.exitCode !== null || s.signalCode !== null) continue;
    s.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 1200));
    s.kill("SIGINT");
  }
});

describe("stack supervision", () => {
  it("takes a signal repeated at once (a wrapper relaying Ctrl+C) as one: no forced kill", async () => {
    const fake = startFakeStack();
    const pids = await fake.pids;
    fake.stack.kill("SIGINT");
    fake.stack.kill("SIGINT");
    expect(await fake.exited).toEqual({ code: 0, signal: null });
    expect(fake.output()).not.toContain("again: killing");
    expect(fake.output()).toContain("postgres stopped");
    await expectAllGone(pids);
  });

  it("a child killed from outside brings everything down: non-zero exit naming it, cleanup run", async () => {
    const fake = startFakeStack();
    const pids = await fake.pids;
    expect(pids).toHaveLength(5);
    process.kill(pids[0]!, "SIGKILL"); // the sleeper, as the OOM killer would
    expect(await fake.exited).toEqual({ code: 1, signal: null });
    expect(fake.output()).toContain("sleeper was killed (SIGKILL); stopping everything.");
    expect(fake.output()).toContain("stubborn did not stop within 0.5s; killing it.");
    expect(fake.output()).toContain("postgres stopped");
    await expectAllGone(pids);
  });

  it("a child that exits on its own is named with its code", async () => {
    const fake = startFakeStack({ QUIT_AFTER_MS: "300" });
    const pids = await fake.pids;
    expect(await fake.exited).toEqual({ code: 1, signal: null });
    expect(fake.output()).toContain("quitter exited (code 3); stopping everything.");
    expect(fake.output()).toContain("postgres stopped");
    await expectAllGone(pids);
  });

  it("SIGINT stops everything cleanly and exits 0", async () => {
    const fake = startFakeStack();
    const pids = await fake.pids;
    fake.stack.kill("SIGINT");
    expect(await fake.exited).toEqual({ code: 0, signal: null });
    expect(fake.output()).toContain("SIGINT: stopping everything");
    expect(fake.output()).toContain("postgres stopped");
    await expectAllGone(pids);
  });

  it("a second signal forces: everything is killed at once, exit 1", async () => {
    // A long grace period: only the forced kill can end the stubborn child quickly.
    const fake = startFakeStack({ FAKE_GRACE_MS: "60000" });
    const pids = await fake.pids;
    const at = Date.now();
    fake.stack.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1200));
    fake.stack.kill("SIGINT");
    expect(await fake.exited).toEqual({ code: 1, signal: null });
    expect(Date.now() - at).toBeLessThan(6000);
    expect(fake.output()).toContain("SIGINT again: killing what is left.");
    await expectAllGone(pids);
  });
});
