import type { Db, Tx } from "@switchboard/db";

/** Anything queries can run on: the pool or an open transaction. */
export type Executor = Pick<Db, "select" | "selectDistinct" | "insert" | "update" | "delete" | "execute">;
export type { Db, Tx };
