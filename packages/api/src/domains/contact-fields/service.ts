import {
  createContactField,
  listContactFields,
  removeContactField,
  updateContactField,
} from "@switchboard/core";
import type { ActorScope, WorkspaceScope } from "../../trpc";
import type { CreateContactFieldInput, UpdateContactFieldInput } from "./schemas";

/*
 * The workspace's custom contact fields (Settings → Contact fields). Update-contact steps and audience
 * rules refer to them by key; publishing checks that the keys exist.
 */

export function listFields({ db, workspaceId }: WorkspaceScope) {
  return listContactFields(db, workspaceId);
}

export function createField({ db, actor }: ActorScope, input: CreateContactFieldInput) {
  return createContactField(db, actor, input);
}

export function updateField({ db, actor }: ActorScope, { id, ...definition }: UpdateContactFieldInput) {
  return updateContactField(db, actor, id, definition);
}

export function removeField({ db, actor }: ActorScope, id: string) {
  return removeContactField(db, actor, id);
}
