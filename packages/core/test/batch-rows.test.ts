import { batchRows } from "@switchboard/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "./fixtures";

let w: World;
beforeAll(async () => {
  w = await createWorld("core_batch_rows");
  // A table the size of a young deployment's: big enough that reading it whole is the wrong plan, small
  // enough that Postgres prefers it when it believes a batch holds 100 rows.
  await w.db.execute(sql`create table batch_rows_probe (id int primary key, label text)`);
  await w.db.execute(
    sql`insert into batch_rows_probe select n, 'row ' || n from generate_series(1, 3000) as n`,
  );
  await w.db.execute(sql`analyze batch_rows_probe`);
});
afterAll(async () => {
  await w?.close();
});

const batch = JSON.stringify([
  { i: 0, id: 7, note: null, data: { a: [1, "x"] }, big: "9007199254740993" },
  { i: 1, id: 2999, note: "é\u{1F600}", data: null, big: "-1" },
  { i: 2, id: 42, note: "", data: { nested: { b: true } }, big: "0" },
]);

/** The plan nodes of a statement (EXPLAIN's JSON), flattened. */
async function planNodes(query: string): Promise<{ type: string; relation?: string; rows: number }[]> {
  const rows = (await w.db.execute(sql.raw(`explain (format json) ${query}`))) as unknown as {
    "QUERY PLAN": [{ Plan: PlanNode }];
  }[];
  const nodes: { type: string; relation?: string; rows: number }[] = [];
  const walk = (node: PlanNode) => {
    nodes.push({ type: node["Node Type"], relation: node["Relation Name"], rows: node["Plan Rows"] });
    for (const child of node.Plans ?? []) walk(child);
  };
  const [first] = rows;
  if (!first) throw new Error("no plan");
  walk(first["QUERY PLAN"][0].Plan);
  return nodes;
}
interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Plan Rows": number;
  Plans?: PlanNode[];
}

const literal = (json: string) => `'${json.replaceAll("'", "''")}'`;

describe("batchRows (a batch statement's rows from its JSON array parameter)", () => {
  it("gives every element as a typed row, in the array's order", async () => {
    const rows = await w.db.execute(
      sql.raw(
        `select r.* from ${batchRows(literal(batch), "r", "i int, id int, note text, data jsonb, big bigint")}`,
      ),
    );
    expect(rows).toEqual([
      { i: 0, id: 7, note: null, data: { a: [1, "x"] }, big: "9007199254740993" },
      { i: 1, id: 2999, note: "é\u{1F600}", data: null, big: "-1" },
      { i: 2, id: 42, note: "", data: { nested: { b: true } }, big: "0" },
    ]);
  });

  it("gives no rows for an empty array", async () => {
    const rows = await w.db.execute(sql.raw(`select r.* from ${batchRows(`'[]'`, "r", "id int")}`));
    expect(rows).toEqual([]);
  });

  it("joins a table by index, where jsonb_to_recordset's estimate of 100 rows reads the whole table", async () => {
    const join = (from: string) => `select t.label from ${from} join batch_rows_probe t on t.id = r.id`;
    const withBatchRows = await planNodes(join(batchRows(literal(batch), "r", "id int")));
    const withRecordset = await planNodes(join(`jsonb_to_recordset(${literal(batch)}::jsonb) as r(id int)`));

    const scansOfProbe = (nodes: { type: string; relation?: string }[]) =>
      nodes.filter((n) => n.relation === "batch_rows_probe").map((n) => n.type);
    expect(scansOfProbe(withRecordset)).toEqual(["Seq Scan"]);
    expect(scansOfProbe(withBatchRows)).toEqual(["Index Scan"]);
    expect(withBatchRows.find((n) => n.type === "Function Scan")?.rows).toBe(10);
  });
});
