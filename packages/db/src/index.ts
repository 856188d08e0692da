export { createDb, type Db, getDb, type Tx } from "./client";
export { rowFromJson } from "./json-row";
export * as schema from "./schema";
export * from "./schema";
export * from "./secrets";
export { clientOf, run, runPipelined, type Statement, statement } from "./statement";
