import { statement, transactionOpeningWith, workspaces } from "@switchboard/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "./fixtures";

let w: World;
beforeAll(async () => {
  w = await createWorld("core_pipelined_tx");
});
afterAll(async () => {
  await w?.close();
});

const ONE = statement<{ n: number }>("select 1 as n");
const BACKEND = statement<{ pid: number }>("select pg_backend_pid() as pid");
const ws = () => w.db.select().from(workspaces).where(eq(workspaces.id, w.workspaceId));

describe("transactionOpeningWith (BEGIN and the opening statements in one round trip)", () => {
  it("gives the opening statements' rows and runs them and fn in one transaction that commits", async () => {
    const renamed = await transactionOpeningWith(
      w.db,
      [
        [ONE, []],
        [BACKEND, []],
      ],
      async (tx, [one, backendRows]) => {
        const backend = backendRows as { pid: number }[];
        expect(one).toEqual([{ n: 1 }]);
        // Drizzle's statements in fn run on the connection that ran the opening ones, inside their transaction.
        const [again] = await tx.execute<{ pid: number; in_tx: boolean }>(
          sql`select pg_backend_pid() as pid, now() < statement_timestamp() as in_tx`,
        );
        expect(again!.pid).toBe(backend[0]!.pid);
        expect(again!.in_tx).toBe(true);
        await tx
          .update(workspaces)
          .set({ name: "Renamed in a pipelined transaction" })
          .where(eq(workspaces.id, w.workspaceId));
        return "done";
      },
    );
    expect(renamed).toBe("done");
    expect((await ws())[0]!.name).toBe("Renamed in a pipelined transaction");
  });

  it("rolls everything back when fn throws, and passes the error on", async () => {
    await expect(
      transactionOpeningWith(
        w.db,
        [
          [ONE, []],
          [ONE, []],
        ],
        async (tx) => {
          await tx
            .update(workspaces)
            .set({ name: "Never committed" })
            .where(eq(workspaces.id, w.workspaceId));
          throw new Error("boom");
        },
      ),
    ).rejects.toThrow("boom");
    expect((await ws())[0]!.name).not.toBe("Never committed");
  });

  it("rolls back when an opening statement fails", async () => {
    const bad = statement("select 1 / 0");
    await expect(
      transactionOpeningWith(
        w.db,
        [
          [bad, []],
          [ONE, []],
        ],
        async () => "ran",
      ),
    ).rejects.toThrow(/division by zero/);
    // The connection went back to the pool usable.
    expect([...(await w.db.execute(sql`select 1 as n`))]).toEqual([{ n: 1 }]);
  });

  it("nested transactions are savepoints: an inner failure rolls back only the inner part", async () => {
    await transactionOpeningWith(
      w.db,
      [
        [ONE, []],
        [ONE, []],
      ],
      async (tx) => {
        await tx.update(workspaces).set({ name: "Outer" }).where(eq(workspaces.id, w.workspaceId));
        await expect(
          tx.transaction(async (inner) => {
            await inner.update(workspaces).set({ name: "Inner" }).where(eq(workspaces.id, w.workspaceId));
            throw new Error("inner");
          }),
        ).rejects.toThrow("inner");
      },
    );
    expect((await ws())[0]!.name).toBe("Outer");
  });

  it("has Drizzle's relational queries (tx.query), built on first use", async () => {
    await transactionOpeningWith(
      w.db,
      [
        [ONE, []],
        [ONE, []],
      ],
      async (tx) => {
        const found = await tx.query.workspaces.findFirst({ where: (t, { eq }) => eq(t.id, w.workspaceId) });
        expect(found?.id).toBe(w.workspaceId);
      },
    );
  });
});
