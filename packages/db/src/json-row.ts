import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

/**
 * A table's row as Drizzle would return it, from `row_to_json(...)` of that table's row (snake_case
 * keys, timestamps as ISO strings). For statements Drizzle's builder can't express — several
 * data-modifying CTEs answered in one round trip — while callers keep the typed rows they use
 * everywhere else. Each column's own driver mapping converts the value (dates, bigints).
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of columnsOf(table)) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}

type ColumnEntry = [key: string, column: ReturnType<typeof getTableColumns>[string]];

/** A table's columns, listed once per table: the hot path maps a few rows per update. */
const columnsByTable = new WeakMap<Table, ColumnEntry[]>();

function columnsOf(table: Table): ColumnEntry[] {
  let columns = columnsByTable.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    columnsByTable.set(table, columns);
  }
  return columns;
}
