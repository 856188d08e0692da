import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { conversations } from "./conversations";

/**
 * Random split choices (flow step `random_split`): which branch each conversation was sent down, so
 * analytics can compare the branches. One row per conversation and split step; the choice is sticky
 * (the engine keeps it in the conversation's state), and a redraw (the kept branch was removed in a
 * newer version) replaces the row. Written by the core in the transaction that ran the step.
 */
export const splitChoices = pgTable(
  "split_choices",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    branchId: text("branch_id").notNull(),
    chosenAt: timestamp("chosen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.stepId] }),
    index("split_choices_step_idx").on(t.stepId, t.branchId),
  ],
);

export type SplitChoiceRow = typeof splitChoices.$inferSelect;
