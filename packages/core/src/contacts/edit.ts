import { type ContactRow, contacts, conversationAssignments, conversations } from "@switchboard/db";
import { applyTags, type CustomFieldDefinition, normalizePhone, validateAnswer } from "@switchboard/flow";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Actor } from "../actor";
import type { Db, Executor } from "../db";
import { invalid, notFound } from "../errors";
import { lockPhone } from "../locks";
import { emitRealtime } from "../realtime/emit";
import { contactFieldDefinitions } from "./fields";
import { applyContactUpdate } from "./update";

/**
 * A member's edit of a contact (the inbox's contact panel). Omitted: unchanged; `null` or "" clears a
 * value (the first name can't be cleared). `fields` are custom fields by key (`null` or "" removes
 * the value).
 */
export interface ContactEdit {
  firstName?: string | undefined;
  lastName?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  city?: string | null | undefined;
  language?: string | null | undefined;
  fields?: Record<string, string | null> | undefined;
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
}

const MAX_TAG_LENGTH = 64;
const MAX_TAGS_PER_EDIT = 50;

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === "";

function text(label: string, value: string, min: number, max: number): string {
  const t = value.trim();
  if (t.length < min || t.length > max)
    throw invalid(
      min > 1
        ? `${label} must have ${min}–${max} characters.`
        : `${label} can have at most ${max} characters.`,
    );
  return t;
}

/** A built-in value to store: null clears it; otherwise checked like Update contact checks answers. */
function builtinValues(edit: ContactEdit) {
  const set: {
    firstName?: string;
    lastName?: string | null;
    email?: string | null;
    city?: string | null;
    language?: string | null;
  } = {};
  if (edit.firstName !== undefined) {
    if (blank(edit.firstName)) throw invalid("The first name can't be empty.");
    set.firstName = text("The first name", edit.firstName, 1, 128);
  }
  if (edit.lastName !== undefined)
    set.lastName = blank(edit.lastName) ? null : text("The last name", edit.lastName!, 1, 128);
  if (edit.city !== undefined) set.city = blank(edit.city) ? null : text("The city", edit.city!, 1, 128);
  if (edit.language !== undefined)
    set.language = blank(edit.language) ? null : text("The language", edit.language!, 2, 35);
  if (edit.email !== undefined) {
    if (blank(edit.email)) set.email = null;
    else {
      const check = validateAnswer(edit.email!, { kind: "email" });
      if (!check.ok) throw invalid(`"${edit.email!.trim()}" is not an email address.`);
      set.email = check.value;
    }
  }
  return set;
}

/** The phone to store ("+" and digits, or a local number's digits), null to clear, undefined: unchanged. */
function phoneValue(edit: ContactEdit): string | null | undefined {
  if (edit.phone === undefined) return undefined;
  if (blank(edit.phone)) return null;
  const phone = normalizePhone(edit.phone!);
  if (!phone)
    throw invalid(
      `"${edit.phone!.trim()}" is not a phone number. Use 7–15 digits, with "+" and the country code for an international number.`,
    );
  return phone;
}

/** A custom field's value checked against its definition (type, options); null removes it. */
function customValue(definition: CustomFieldDefinition, raw: string | null): string | null {
  if (blank(raw)) return null;
  const value = raw!.trim();
  const label = `"${definition.label}"`;
  switch (definition.type) {
    case "number": {
      const check = validateAnswer(value, { kind: "number" });
      if (!check.ok) throw invalid(`${label} is a number field; "${value}" is not a number.`);
      return check.value;
    }
    case "date": {
      const check = validateAnswer(value, { kind: "date" });
      if (!check.ok) throw invalid(`${label} is a date field; write "${value}" as 2026-11-23 or 23.11.2026.`);
      return check.value;
    }
    case "choice": {
      const option = definition.options.find((o) => o.trim().toLowerCase() === value.toLowerCase());
      if (!option)
        throw invalid(
          `${label} is one of ${definition.options.map((o) => `"${o}"`).join(", ")}; not "${value}".`,
        );
      return option;
    }
    default:
      return text(label, value, 1, 500);
  }
}

function tags(list: string[] | undefined, what: string): string[] {
  const out = (list ?? []).map((t) => t.trim());
  if (out.length > MAX_TAGS_PER_EDIT) throw invalid(`${what} at most ${MAX_TAGS_PER_EDIT} tags at once.`);
  for (const t of out)
    if (!t || t.length > MAX_TAG_LENGTH) throw invalid(`A tag has 1–${MAX_TAG_LENGTH} characters.`);
  return out;
}

/** The contact's conversations that are not closed: their inbox views show the contact panel live. */
async function announce(tx: Executor, contact: ContactRow) {
  const open = await tx
    .select({
      id: conversations.id,
      botId: conversations.botId,
      status: conversations.status,
      assigneeId: conversationAssignments.operatorUserId,
    })
    .from(conversations)
    .leftJoin(
      conversationAssignments,
      and(
        eq(conversationAssignments.conversationId, conversations.id),
        isNull(conversationAssignments.endedAt),
      ),
    )
    .where(and(eq(conversations.contactId, contact.id), ne(conversations.status, "closed")));
  for (const c of open)
    await emitRealtime(tx, contact.workspaceId, {
      type: "conversation",
      conversationId: c.id,
      botId: c.botId,
      status: c.status,
      assigneeId: c.assigneeId,
    });
}

/**
 * Edits a contact from the inbox. Values are checked as an Update-contact step checks answers (email,
 * phone normalised with `normalizePhone`, custom fields by their definition's type and options). A
 * phone another contact of the workspace has merges the two (`applyContactUpdate`), and the edit
 * lands on the surviving contact: `merged` says so, and the returned contact's id may differ.
 * Announced as a `conversation` event for each of the contact's conversations that isn't closed.
 */
export async function editContact(db: Db, actor: Actor, contactId: string, edit: ContactEdit) {
  const set = builtinValues(edit);
  const phone = phoneValue(edit);
  const addTags = tags(edit.addTags, "Add");
  const removeTags = tags(edit.removeTags, "Remove");
  const fieldEdits = Object.entries(edit.fields ?? {});
  return db.transaction(async (tx) => {
    const definitions = new Map(
      (await contactFieldDefinitions(tx, actor.workspaceId)).map((d) => [d.key, d] as const),
    );
    const fieldValues = fieldEdits.map(([key, raw]) => {
      const definition = definitions.get(key);
      if (!definition)
        throw invalid(`There is no contact field "${key}". Add it in Settings → Contact fields first.`);
      return [key, customValue(definition, raw)] as const;
    });
    // The phone's lock before the contact's row, in the order a flow's Update contact takes them.
    if (phone) await lockPhone(tx, actor.workspaceId, phone);
    const [found] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, actor.workspaceId)))
      .for("update");
    if (!found) throw notFound("Contact");
    let contact = found;
    // A contact merged earlier only points at the one that holds its values now.
    if (found.mergedIntoId) {
      const [survivor] = await tx
        .select()
        .from(contacts)
        .where(eq(contacts.id, found.mergedIntoId))
        .for("update");
      if (!survivor) throw notFound("Contact");
      contact = survivor;
    }
    let merged = false;
    if (phone && phone !== contact.phone) {
      // Under the phone's lock: applyContactUpdate finds the same contact, and merges with it.
      const [other] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(
          and(
            eq(contacts.workspaceId, actor.workspaceId),
            eq(contacts.phone, phone),
            isNull(contacts.mergedIntoId),
            ne(contacts.id, contact.id),
          ),
        )
        .limit(1);
      merged = !!other;
      contact = await applyContactUpdate(tx, contact, {
        set: { phone },
        fields: {},
        addTags: [],
        removeTags: [],
      });
    }
    const fields = { ...contact.fields };
    for (const [key, value] of fieldValues) {
      if (value === null) delete fields[key];
      else fields[key] = value;
    }
    const [row] = await tx
      .update(contacts)
      .set({
        ...set,
        ...(phone === null ? { phone: null } : {}),
        fields,
        tags: applyTags(contact.tags, addTags, removeTags),
      })
      .where(eq(contacts.id, contact.id))
      .returning();
    await announce(tx, row!);
    return { contact: row!, merged };
  });
}
