import { leadSource, leadStageKind } from "@switchboard/db";
import { z } from "zod";
import { transcriptOutput } from "../conversations/schemas";
import { isStorableText } from "../flows/storable-text";

// ---- inputs ----

/** A member's user id (better-auth ids are not UUIDs). */
const userId = z.string().min(1).max(200);
const title = z
  .string()
  .max(200, "A lead's title can have at most 200 characters.")
  .refine(isStorableText, "The title contains a character that can't be saved.");

/** Every filter is optional; `ownerUserId: null` lists the leads nobody owns. */
export const listLeadsInput = z
  .object({
    stageId: z.string().uuid().optional(),
    ownerUserId: userId.nullable().optional(),
    botId: z.string().uuid().optional(),
  })
  .default({});
export type ListLeadsInput = z.infer<typeof listLeadsInput>;

export const leadIdInput = z.object({ id: z.string().uuid() });

/** Omitted fields stay as they are; `ownerUserId: null` takes the owner away. */
export const updateLeadInput = z.object({
  id: z.string().uuid(),
  stageId: z.string().uuid().optional(),
  ownerUserId: userId.nullable().optional(),
  title: title.optional(),
});
export type UpdateLeadInput = z.infer<typeof updateLeadInput>;

/** A lead made by hand; the stage defaults to the pipeline's first. */
export const createLeadInput = z.object({
  contactId: z.string().uuid(),
  title,
  stageId: z.string().uuid().optional(),
  ownerUserId: userId.nullable().optional(),
});
export type CreateLeadInput = z.infer<typeof createLeadInput>;

// ---- outputs ----

export const leadSchema = z.object({
  id: z.string(),
  title: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  tags: z.array(z.string()),
  /** flow: a Create-lead step; manual: leads.create; api: a developer's system. */
  source: z.enum(leadSource.enumValues),
  /** Where a flow made it (null for a lead made by hand, or when the bot or flow was removed). */
  botId: z.string().nullable(),
  botUsername: z.string().nullable(),
  flowId: z.string().nullable(),
  flowName: z.string().nullable(),
  stepId: z.string().nullable(),
  /** That step's type and title in the flow's live version (null when it is no longer there). */
  stepType: z.string().nullable(),
  stepTitle: z.string().nullable(),
  conversationId: z.string().nullable(),
  contactId: z.string(),
  contactName: z.string(),
  contactUsername: z.string().nullable(),
  contactPhone: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type LeadOutput = z.infer<typeof leadSchema>;

export const listLeadsOutput = z.array(leadSchema);

export const getLeadOutput = z.object({
  lead: leadSchema,
  /** The conversation the lead came from (as conversations.transcript); null when it has none. */
  transcript: transcriptOutput.nullable(),
});
export type GetLeadOutput = z.infer<typeof getLeadOutput>;

export const leadStagesOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    position: z.number(),
    kind: z.enum(leadStageKind.enumValues),
  }),
);
export type LeadStagesOutput = z.infer<typeof leadStagesOutput>;
