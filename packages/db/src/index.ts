export { createDb, type Db, getDb, type Tx } from "./client";
export { connectPostgres, postgresConnection } from "./connection-url";
export { rowFromJson } from "./json-row";
export { type HeldStatement, type HeldStatements, transactionOpeningWith } from "./pipelined-transaction";
export * as schema from "./schema";
export * from "./schema";
export * from "./secrets";
export { batchRows, clientOf, run, type Statement, statement } from "./statement";
