import {
  createCannedReply,
  listCannedReplies,
  removeCannedReply,
  updateCannedReply,
} from "@switchboard/core";
import type { ActorScope } from "../../trpc";
import type { CreateCannedInput, ListCannedInput, UpdateCannedInput } from "./schemas";

/*
 * Canned replies: what an operator inserts by typing ":" and a shortcut. Every member may list them;
 * owners and marketers manage them (the core refuses operators).
 */

export function cannedList({ db, actor }: ActorScope, input: ListCannedInput) {
  return listCannedReplies(db, actor, input.search);
}

export function cannedCreate({ db, actor }: ActorScope, input: CreateCannedInput) {
  return createCannedReply(db, actor, input);
}

export function cannedUpdate({ db, actor }: ActorScope, { id, ...patch }: UpdateCannedInput) {
  return updateCannedReply(db, actor, id, patch);
}

export function cannedRemove({ db, actor }: ActorScope, id: string) {
  return removeCannedReply(db, actor, id);
}
