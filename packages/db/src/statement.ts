import type { Sql } from "postgres";

/**
 * The hot path's statements, written once as SQL text with `$n` parameters and sent straight to the
 * postgres.js client under the Drizzle executor (the pool or an open transaction).
 *
 * Why: Drizzle builds every query again on each call — the builder, `sql` templates, escaping, tracing
 * spans, result mapping — which cost more CPU per update than the driver and Postgres together
 * (bench/throughput.ts, docs/architecture.md "The hot path of an update"). A fixed text costs nothing
 * to build and is a named prepared statement (prepared.ts) like any other. Rows come back as the
 * driver gives them (snake_case keys, timestamps as strings: Drizzle's parsers): `rowFromJson` maps
 * a table's row.
 */
export interface Statement<Row> {
  readonly text: string;
  /** Only carries the row type. */
  readonly row?: Row;
}

/** A statement's text (the `Row` type says what one row of its answer holds). */
export const statement = <Row = Record<string, unknown>>(text: string): Statement<Row> => ({ text });

/** The pool or a transaction, as Drizzle hands them out: both keep their driver client in `session`. */
export interface HasSession {
  execute: unknown;
}

/** The postgres.js client that a Drizzle database or transaction sends its queries on. */
export function clientOf(executor: HasSession): Sql {
  const client = (executor as { session?: { client?: Sql } }).session?.client;
  if (!client) throw new Error("not a Drizzle postgres-js database or transaction");
  return client;
}

/** Runs a statement in the executor's transaction (or on the pool) with its parameters, in order. */
export async function run<Row>(
  executor: HasSession,
  query: Statement<Row>,
  params: readonly unknown[],
): Promise<Row[]> {
  return (await clientOf(executor).unsafe(query.text, params as never[])) as unknown as Row[];
}
