import { bots, contacts, flows, flowVersions, leadStages, leads, memberships, user } from "@switchboard/db";
import { applyTags } from "@switchboard/flow";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Executor } from "../db";
import { invalid, notFound } from "../errors";
import { pipelineStages } from "./stages";

export interface LeadFilter {
  stageId?: string | undefined;
  ownerUserId?: string | null | undefined;
  botId?: string | undefined;
  limit?: number;
}

const leadColumns = {
  id: leads.id,
  title: leads.title,
  stageId: leads.stageId,
  stageName: leadStages.name,
  ownerUserId: leads.ownerUserId,
  ownerName: user.name,
  tags: leads.tags,
  source: leads.source,
  botId: leads.botId,
  botUsername: bots.username,
  flowId: leads.flowId,
  flowName: flows.name,
  stepId: leads.stepId,
  // The Create-lead step's type and title in the flow's live version, to name it (null: gone or none).
  stepType: sql<string | null>`${flowVersions.compiled}->'steps'->${leads.stepId}->>'type'`,
  stepTitle: sql<string | null>`${flowVersions.compiled}->'steps'->${leads.stepId}->>'title'`,
  conversationId: leads.conversationId,
  contactId: leads.contactId,
  contactName: sql<string>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`,
  contactUsername: contacts.username,
  contactPhone: contacts.phone,
  createdAt: leads.createdAt,
  updatedAt: leads.updatedAt,
};

function leadQuery(db: Executor, where: SQL | undefined) {
  return db
    .select(leadColumns)
    .from(leads)
    .innerJoin(leadStages, eq(leadStages.id, leads.stageId))
    .innerJoin(contacts, eq(contacts.id, leads.contactId))
    .leftJoin(user, eq(user.id, leads.ownerUserId))
    .leftJoin(bots, eq(bots.id, leads.botId))
    .leftJoin(flows, eq(flows.id, leads.flowId))
    .leftJoin(flowVersions, eq(flowVersions.id, flows.publishedVersionId))
    .where(where);
}

export async function listLeads(db: Executor, actor: Actor, filter: LeadFilter = {}) {
  return leadQuery(
    db,
    and(
      eq(leads.workspaceId, actor.workspaceId),
      filter.stageId ? eq(leads.stageId, filter.stageId) : undefined,
      filter.ownerUserId === null
        ? sql`${leads.ownerUserId} is null`
        : filter.ownerUserId
          ? eq(leads.ownerUserId, filter.ownerUserId)
          : undefined,
      filter.botId ? eq(leads.botId, filter.botId) : undefined,
    ),
  )
    .orderBy(desc(leads.createdAt))
    .limit(filter.limit ?? 200);
}

export async function getLead(db: Executor, actor: Actor, id: string) {
  const [row] = await leadQuery(db, and(eq(leads.id, id), eq(leads.workspaceId, actor.workspaceId)));
  if (!row) throw notFound("Lead");
  return row;
}

async function assertMember(db: Executor, workspaceId: string, userId: string) {
  const [m] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!m) throw invalid("The owner must be a member of this workspace.");
}

async function assertStage(db: Executor, workspaceId: string, stageId: string) {
  const stages = await pipelineStages(db, workspaceId);
  if (!stages.some((s) => s.id === stageId)) throw invalid("That stage is not in this workspace's pipeline.");
}

/** Moves a lead along the pipeline, gives it to someone else, retitles or retags it. */
export async function updateLead(
  db: Executor,
  actor: Actor,
  id: string,
  patch: {
    stageId?: string;
    ownerUserId?: string | null;
    title?: string;
    addTags?: string[];
    removeTags?: string[];
  },
) {
  const lead = await getLead(db, actor, id);
  if (patch.stageId) await assertStage(db, actor.workspaceId, patch.stageId);
  if (patch.ownerUserId) await assertMember(db, actor.workspaceId, patch.ownerUserId);
  if (patch.title !== undefined && !patch.title.trim()) throw invalid("Give the lead a title.");
  await db
    .update(leads)
    .set({
      ...(patch.stageId ? { stageId: patch.stageId } : {}),
      ...(patch.ownerUserId !== undefined ? { ownerUserId: patch.ownerUserId } : {}),
      ...(patch.title !== undefined ? { title: patch.title.trim().slice(0, 200) } : {}),
      ...(patch.addTags || patch.removeTags
        ? { tags: applyTags(lead.tags, patch.addTags ?? [], patch.removeTags ?? []) }
        : {}),
    })
    .where(eq(leads.id, id));
  return getLead(db, actor, id);
}

/** A lead created by hand (the Leads page) or through the API. */
export async function createLead(
  db: Executor,
  actor: Actor,
  input: { contactId: string; title: string; stageId?: string; ownerUserId?: string | null; tags?: string[] },
  source: "manual" | "api" = "manual",
) {
  const [contact] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, input.contactId), eq(contacts.workspaceId, actor.workspaceId)));
  if (!contact) throw notFound("Contact");
  if (!input.title.trim()) throw invalid("Give the lead a title.");
  const stages = await pipelineStages(db, actor.workspaceId);
  const stageId = input.stageId ?? stages[0]!.id;
  if (!stages.some((s) => s.id === stageId)) throw invalid("That stage is not in this workspace's pipeline.");
  if (input.ownerUserId) await assertMember(db, actor.workspaceId, input.ownerUserId);
  const [row] = await db
    .insert(leads)
    .values({
      workspaceId: actor.workspaceId,
      contactId: input.contactId,
      title: input.title.trim().slice(0, 200),
      stageId,
      ownerUserId: input.ownerUserId ?? null,
      tags: input.tags ?? [],
      source,
    })
    .returning({ id: leads.id });
  return getLead(db, actor, row!.id);
}
