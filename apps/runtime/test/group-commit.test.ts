import { describe, expect, it } from "vitest";
import { GroupCommit } from "../src/group-commit";

/** A write that waits until released, recording each batch it was given. */
function gatedWrites() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const write = (batch: number[]) => {
    batches.push(batch);
    return new Promise<(n: number) => number>((resolve) =>
      releases.push(() =>
        resolve((n) => {
          if (n < 0) throw new Error(`no ${n}`);
          return n * 10;
        }),
      ),
    );
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { batches, releases, write, settle };
}

describe("GroupCommit", () => {
  it("writes the first item at once and everything that came meanwhile in the next batch", async () => {
    const w = gatedWrites();
    const commits = new GroupCommit<number, number>({ write: w.write, joins: () => true });
    const first = commits.add(1);
    const rest = [commits.add(2), commits.add(3)];
    expect(w.batches).toEqual([[1]]);
    w.releases[0]!();
    expect(await first).toBe(10);
    await w.settle();
    expect(w.batches).toEqual([[1], [2, 3]]);
    w.releases[1]!();
    expect(await Promise.all(rest)).toEqual([20, 30]);
  });

  it("with gatherSameTurn, items added in the first one's turn share its batch", async () => {
    const w = gatedWrites();
    const commits = new GroupCommit<number, number>({
      write: w.write,
      joins: () => true,
      gatherSameTurn: true,
    });
    const all = [commits.add(1), commits.add(2)];
    expect(w.batches).toEqual([]);
    await w.settle();
    expect(w.batches).toEqual([[1, 2]]);
    w.releases[0]!();
    expect(await Promise.all(all)).toEqual([10, 20]);
  });

  it("leaves the items that don't join for the next batch, in order", async () => {
    const w = gatedWrites();
    const commits = new GroupCommit<number, number>({
      write: w.write,
      joins: (n, batch) => batch.length < 2 && !batch.includes(n),
      gatherSameTurn: true,
    });
    const all = [1, 1, 2, 3].map((n) => commits.add(n));
    await w.settle();
    expect(w.batches).toEqual([[1, 2]]);
    w.releases[0]!();
    await w.settle();
    expect(w.batches).toEqual([
      [1, 2],
      [1, 3],
    ]);
    w.releases[1]!();
    expect(await Promise.all(all)).toEqual([10, 10, 20, 30]);
  });

  it("fails one item whose result throws, and a whole batch whose write throws; then goes on", async () => {
    const w = gatedWrites();
    let failWrite = false;
    const commits = new GroupCommit<number, number>({
      write: (batch) => (failWrite ? Promise.reject(new Error("down")) : w.write(batch)),
      joins: () => true,
      gatherSameTurn: true,
    });
    const [good, bad] = [commits.add(1), commits.add(-1)];
    await w.settle();
    w.releases[0]!();
    expect(await good).toBe(10);
    await expect(bad).rejects.toThrow("no -1");
    failWrite = true;
    await expect(Promise.all([commits.add(2), commits.add(3)])).rejects.toThrow("down");
    failWrite = false;
    const after = commits.add(4);
    await w.settle();
    w.releases[1]!();
    expect(await after).toBe(40);
  });
});
