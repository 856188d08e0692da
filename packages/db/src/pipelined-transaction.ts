import { PostgresJsSession, PostgresJsTransaction } from "drizzle-orm/postgres-js";
import type { ReservedSql } from "postgres";
import type { Db, Tx } from "./client";
import { clientOf, type Statement } from "./statement";

/** A statement held back by the caller, sent ahead of the transaction's next statement (see HeldStatements). */
export interface HeldStatement {
  statement: Statement<unknown>;
  params: readonly unknown[];
  /** Gets the statement's answer once it is sent. */
  settle: (rows: Promise<unknown[]>) => void;
}

/**
 * Writes a caller holds back to send several as one (deferred writes): whatever it holds is taken and
 * sent, in order, just before any other statement of the transaction (or savepoint) goes out, so every
 * later statement runs after them, as if they had been sent when they were made. The caller must send
 * what is still held, and wait for all of it, before the transaction's function returns: a COMMIT after
 * a failed statement would end the transaction as a rollback without an error.
 */
export interface HeldStatements {
  take(): HeldStatement[];
}

/**
 * A transaction whose first statements go out with its BEGIN, in one round trip: Drizzle's (postgres.js's)
 * `transaction` waits for BEGIN's answer before it runs anything. For the runtime's hot path, where every
 * update batch is a transaction that starts with the chats' locks and taking their updates (apps/runtime
 * update-batcher.ts). `opened` holds the opening statements' rows, in order.
 *
 * Same guarantees as `db.transaction`: one connection of the pool for the whole transaction; `fn` gets a
 * Drizzle transaction on it (nested transactions are savepoints); COMMIT when `fn` resolves, ROLLBACK
 * when anything throws, the error passed on. Postgres runs pipelined statements in order, each seeing
 * what the ones before it did; if one fails, the ones after it fail too and nothing commits. `held`: writes
 * the caller holds back, sent ahead of the transaction's next statement (HeldStatements).
 */
export async function transactionOpeningWith<T>(
  db: Db,
  opening: readonly (readonly [Statement<unknown>, readonly unknown[]])[],
  fn: (tx: Tx, opened: unknown[][]) => Promise<T>,
  held?: HeldStatements,
): Promise<T> {
  const conn = await clientOf(db).reserve();
  try {
    const begin = conn.unsafe("begin");
    const statements = opening.map(([s, params]) => conn.unsafe(s.text, params as never[]));
    try {
      const [, ...rows] = await Promise.all([begin, ...statements]);
      const result = await fn(transactionOn(db, conn, held), rows as unknown as unknown[][]);
      await conn.unsafe("commit");
      return result;
    } catch (err) {
      // Queued behind whatever is still in flight; a broken connection has rolled back already.
      await conn.unsafe("rollback").catch(() => {});
      throw err;
    }
  } finally {
    conn.release();
  }
}

/** A Drizzle transaction object on a reserved connection where BEGIN was sent: what `db.transaction` builds. */
function transactionOn(db: Db, conn: ReservedSql, held: HeldStatements | undefined): Tx {
  const { dialect, session } = db as unknown as {
    dialect: ConstructorParameters<typeof PostgresJsSession>[1];
    session: {
      schema: ConstructorParameters<typeof PostgresJsSession>[2];
      options: ConstructorParameters<typeof PostgresJsSession>[3];
    };
  };
  const client = transactionClient(conn, held);
  const txSession = new PostgresJsSession(client as never, dialect, session.schema, session.options);
  // Built without the schema: Drizzle would make a relational query builder for every table on every
  // transaction, which the hot path never uses. `tx.query` builds them on first use.
  const tx = new PostgresJsTransaction(dialect, txSession as never, undefined);
  // Nested transactions (savepoints) are built from it: they get the full schema.
  (tx as unknown as { schema: unknown }).schema = session.schema;
  let query: unknown;
  Object.defineProperty(tx, "query", {
    get: () => {
      query ??= new PostgresJsTransaction(dialect, txSession as never, session.schema).query;
      return query;
    },
  });
  return tx as unknown as Tx;
}

/**
 * The reserved connection as a transaction's client: `savepoint(fn)` as postgres.js's transaction client
 * has it, which Drizzle's nested transactions call; and the held statements sent ahead of every
 * statement (and savepoint: a rollback to it must not undo writes made before it).
 */
function transactionClient(conn: ReservedSql, held: HeldStatements | undefined) {
  let count = 0;
  const sendHeld = () => {
    if (!held) return;
    // execute(): postgres.js sends a query only when it is awaited, which would be after the next one.
    for (const h of held.take())
      h.settle(conn.unsafe(h.statement.text, h.params as never[]).execute() as unknown as Promise<unknown[]>);
  };
  const unsafe: ReservedSql["unsafe"] = (...args) => {
    sendHeld();
    return conn.unsafe(...args);
  };
  const savepoint = async <R>(fn: (client: unknown) => Promise<R>): Promise<R> => {
    sendHeld();
    const name = `s${count++}`;
    await conn.unsafe(`savepoint ${name}`);
    try {
      const result = await fn(client);
      await conn.unsafe(`release savepoint ${name}`);
      return result;
    } catch (err) {
      await conn.unsafe(`rollback to savepoint ${name}`);
      throw err;
    }
  };
  const client = new Proxy(conn, {
    get: (target, key, receiver) =>
      key === "savepoint"
        ? savepoint
        : key === "unsafe" && held
          ? unsafe
          : Reflect.get(target, key, receiver),
  });
  return client;
}
