import { z } from "zod";
import { checkMedia } from "../../compiler/check-helpers";
import { problem } from "../../compiler/problems";
import { mediaSchema, messageTextSchema, tagListSchema } from "../common";
import { defineStep, NEXT_HANDLE, nextOutput } from "../define-step";

export const leadOwnerSchema = z.discriminatedUnion("kind", [
  /** The contact's owner (salesperson), if it has one. */
  z.object({ kind: z.literal("contact_owner") }),
  /** A chosen workspace member. */
  z.object({ kind: z.literal("member"), userId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("none") }),
]);

export const createLeadConfigSchema = z.object({
  /** The lead's title (a template). */
  title: z.string().max(200).default('Lead from {{name | "Telegram"}}'),
  owner: leadOwnerSchema.default({ kind: "contact_owner" }),
  /** A stage of the workspace pipeline; null: the first one. */
  stageId: z.string().uuid().nullable().default(null),
  tags: tagListSchema.default([]),
  /** Sent after the lead is created when the bot's "send the Create-lead step's text" setting is on. */
  text: messageTextSchema.default(""),
  media: mediaSchema.optional(),
});
export type CreateLeadConfig = z.infer<typeof createLeadConfigSchema>;

/** Creates a lead (a sales opportunity) for the contact, with the conversation's transcript. */
export const createLeadStep = defineStep({
  type: "create_lead",
  label: "Create lead",
  description: "Creates a lead for the contact with an owner, stage and tags; the transcript is attached.",
  waits: false,
  configSchema: createLeadConfigSchema,
  defaults: (): CreateLeadConfig => ({
    title: 'Lead from {{name | "Telegram"}}',
    owner: { kind: "contact_owner" },
    stageId: null,
    tags: [],
    text: "Thanks! Our team will get in touch soon.",
  }),
  outputs: () => nextOutput(),
  templates: (c) => [c.title, c.text],
  writesVariables: () => [],
  check: (step, env) => {
    const { config } = step;
    const out = config.media ? checkMedia(step.id, config.media) : [];
    if (config.title.trim() === "")
      out.push(
        problem("EMPTY_LEAD_TITLE", "Give the lead a title.", { stepId: step.id, path: "config.title" }),
      );
    if (config.owner.kind === "member" && env.memberIds && !env.memberIds.includes(config.owner.userId))
      out.push(
        problem("UNKNOWN_MEMBER", "The lead's owner is no longer a member of this workspace. Pick another.", {
          stepId: step.id,
          path: "config.owner",
        }),
      );
    if (config.stageId && env.stageIds && !env.stageIds.includes(config.stageId))
      out.push(
        problem("UNKNOWN_STAGE", "The pipeline stage no longer exists. Pick another.", {
          stepId: step.id,
          path: "config.stageId",
        }),
      );
    return out;
  },
  handler: {
    enter(step, io) {
      const { config } = step;
      io.act({
        type: "create_lead",
        stepId: step.id,
        title: io.render(config.title).trim() || "Lead",
        owner: config.owner,
        stageId: config.stageId,
        tags: config.tags,
      });
      if (io.settings.sendLeadText && (config.text.trim() || config.media))
        io.send(io.renderMessage(config.text), { media: config.media });
      return { wait: false, next: step.outputs[NEXT_HANDLE] ?? null, output: NEXT_HANDLE };
    },
  },
});
