import { createLead, getLead, listLeads, pipelineStages, updateLead } from "@switchboard/core";
import type { ActorScope } from "../../trpc";
import { conversationTranscript } from "../conversations/service";
import type { CreateLeadInput, ListLeadsInput, UpdateLeadInput } from "./schemas";

export function leadsOf({ db, actor }: ActorScope, filter: ListLeadsInput) {
  return listLeads(db, actor, filter);
}

/** The lead with the transcript of the conversation it came from. */
export async function leadWithTranscript(scope: ActorScope, id: string) {
  const lead = await getLead(scope.db, scope.actor, id);
  const transcript = lead.conversationId ? await conversationTranscript(scope, lead.conversationId) : null;
  return { lead, transcript };
}

/*
 * Writes run in a transaction: the checks (stage, owner, contact) and the write see one state, and a
 * workspace's first look at its pipeline creates the default stages under a transaction-scoped lock.
 */

export function changeLead({ db, actor }: ActorScope, { id, ...patch }: UpdateLeadInput) {
  return db.transaction((tx) => updateLead(tx, actor, id, patch));
}

export function addLead({ db, actor }: ActorScope, input: CreateLeadInput) {
  return db.transaction((tx) => createLead(tx, actor, input, "manual"));
}

/** The pipeline, in order (a workspace's first look creates the default stages, in a transaction). */
export async function leadStagesOf({ db, workspaceId }: ActorScope) {
  const stages = await db.transaction((tx) => pipelineStages(tx, workspaceId));
  return stages.map(({ id, name, position, kind }) => ({ id, name, position, kind }));
}
