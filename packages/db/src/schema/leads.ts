import { index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { bots } from "./bots";
import { createdAt, id, updatedAt } from "./columns";
import { contacts } from "./contacts";
import { conversations } from "./conversations";
import { flows } from "./flows";
import { workspaces } from "./workspaces";

export const leadStageKind = pgEnum("lead_stage_kind", ["open", "won", "lost"]);

/** The workspace's sales pipeline, in order. New workspaces get New / In progress / Won / Lost. */
export const leadStages = pgTable(
  "lead_stages",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    kind: leadStageKind("kind").notNull().default("open"),
    createdAt: createdAt(),
  },
  // One stage per position: creating the default stages twice at once can't duplicate them.
  (t) => [uniqueIndex("lead_stages_workspace_position_uq").on(t.workspaceId, t.position)],
);

export const leadSource = pgEnum("lead_source", ["flow", "manual", "api"]);

/** A sales opportunity for a contact; from a flow it is linked to the conversation (its transcript). */
export const leads = pgTable(
  "leads",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerUserId: text("owner_user_id").references(() => user.id, { onDelete: "set null" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => leadStages.id, { onDelete: "restrict" }),
    tags: text("tags").array().notNull().default([]),
    source: leadSource("source").notNull(),
    botId: uuid("bot_id").references(() => bots.id, { onDelete: "set null" }),
    flowId: uuid("flow_id").references(() => flows.id, { onDelete: "set null" }),
    stepId: text("step_id"),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("leads_workspace_idx").on(t.workspaceId, t.createdAt),
    index("leads_contact_idx").on(t.contactId),
  ],
);

export type LeadRow = typeof leads.$inferSelect;
