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

/**
 * The rows of a batch statement's JSON array parameter, typed by `columns` (as in
 * `jsonb_to_recordset(param) as alias(columns)`), in the array's order, for a statement's FROM list.
 *
 * Why not `jsonb_to_recordset` itself: Postgres estimates any set-returning function at 100 rows, and
 * a batch carries a few dozen at most. Joined to a table of a few thousand rows — every table while a
 * deployment is young, and the benchmark's — 100 probes by index look dearer than reading the whole
 * table into a hash, so each batch statement read every row of `conversations`, `processed_updates` or
 * `messages`, dead versions included (a third of Postgres's CPU per message in bench/throughput.ts).
 * An array's `unnest` is estimated at 10 rows when its length is unknown, which makes the index probe
 * the cheaper plan at any table size, as it really is.
 */
export const batchRows = (param: string, alias: string, columns: string): string =>
  `unnest(array(select jsonb_array_elements(${param}::jsonb))) as ${alias}_item(item)
    cross join lateral jsonb_to_record(${alias}_item.item) as ${alias}(${columns})`;
