import { pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";

export const workspaces = pgTable("workspaces", {
  id: id(),
  name: text("name").notNull(),
  /** IANA time zone for schedules and dates shown to the workspace. */
  timeZone: text("time_zone").notNull().default("UTC"),
  createdAt: createdAt(),
});

export const memberRole = pgEnum("member_role", ["owner", "marketer", "operator"]);
export type MemberRole = (typeof memberRole.enumValues)[number];

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
