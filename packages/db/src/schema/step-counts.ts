import { date, index, integer, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { bots } from "./bots";
import { flowVersions } from "./flows";

/** `output` of the row that counts the conversations that reached a step (an output handle is never empty). */
export const REACHED_OUTPUT = "";
/**
 * `output` of the row that counts the conversations that left a step through any output leading on to
 * another step (an output handle is a word or `kind:id`, never "*"): counted once per conversation and
 * day like the others, so a conversation that leaves a menu through two buttons goes on once.
 */
export const WENT_ON_OUTPUT = "*";

/**
 * Canvas analytics: how many conversations reached each step of a published version, went on from it
 * and left it through each output, per UTC day (each conversation at most once per counter and day). Counted by the core from the engine's `step_reached` /
 * `output_taken` events in the transaction that advanced the conversation, so reading a period is a
 * small range scan however many messages there were (never a scan of transcripts).
 *
 * `shard` (the chat id modulo a small number) spreads one hot counter (the start step, today) over
 * several rows, so conversations of one bot don't queue behind each other's row lock; reads sum it away.
 */
export const stepCounts = pgTable(
  "step_counts",
  {
    flowVersionId: uuid("flow_version_id")
      .notNull()
      .references(() => flowVersions.id, { onDelete: "cascade" }),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    stepId: text("step_id").notNull(),
    /** The output handle taken, REACHED_OUTPUT for arrivals at the step, WENT_ON_OUTPUT for going on from it. */
    output: text("output").notNull(),
    shard: smallint("shard").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.flowVersionId, t.day, t.stepId, t.output, t.botId, t.shard] }),
    // Deleting a bot cascades here.
    index("step_counts_bot_idx").on(t.botId),
  ],
);

export type StepCountRow = typeof stepCounts.$inferSelect;
