import { contactDetails, editContact } from "@switchboard/core";
import type { ActorScope } from "../../trpc";
import type { UpdateContactInput } from "./schemas";

/** A member edits a contact (the inbox's contact panel); the core checks every value. */
export async function updateContact({ db, actor }: ActorScope, { id, ...edit }: UpdateContactInput) {
  const { contact, merged } = await editContact(db, actor, id, edit);
  return { contact: await contactDetails(db, actor, contact.id), merged };
}
