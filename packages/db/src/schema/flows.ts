import { index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const flows = pgTable(
  "flows",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The draft FlowDocument exactly as the builder saved it (it may not compile yet). */
    draft: jsonb("draft").notNull(),
    /** The version the runtime runs; null until the first publish. */
    publishedVersionId: uuid("published_version_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("flows_workspace_idx").on(t.workspaceId)],
);

/** Immutable, numbered snapshots made by Publish. Conversations pin the version they run. */
export const flowVersions = pgTable(
  "flow_versions",
  {
    id: id(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** CompiledFlow JSON the engine runs. */
    compiled: jsonb("compiled").notNull(),
    /** The draft it was compiled from, for rollback and diffing. */
    source: jsonb("source").notNull(),
    publishedBy: text("published_by").references(() => user.id, { onDelete: "set null" }),
    /** What the publisher wrote about this version ("New pricing menu"); null when they wrote nothing. */
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [unique("flow_versions_flow_version_uq").on(t.flowId, t.version)],
);
