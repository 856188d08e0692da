export { createDb, type Db, getDb, type Tx } from "./client";
export * as schema from "./schema";
export * from "./schema";
export * from "./secrets";
