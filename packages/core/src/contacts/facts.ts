import type { ContactRow } from "@switchboard/db";
import type { ContactFacts, TemplateContext } from "@switchboard/flow";

/** What the engine sees of a contact (audience filters, Update contact). */
export function contactFacts(c: ContactRow): ContactFacts {
  return {
    firstName: c.firstName,
    lastName: c.lastName ?? "",
    email: c.email ?? "",
    phone: c.phone ?? "",
    city: c.city ?? "",
    language: c.language ?? c.languageCode ?? "",
    tags: [...c.tags],
    fields: { ...c.fields },
    loggedIn: c.linkedUserId !== null,
  };
}

/** The template values of a contact in a chat (`vars` come from the conversation, `bot` from the bot). */
export function contactTemplate(
  c: ContactRow,
  chatId: number,
  bot: Record<string, string> = {},
): Omit<TemplateContext, "vars"> {
  return {
    name: c.firstName,
    username: c.username ?? "",
    chatId: String(chatId),
    createdAt: c.createdAt.toISOString(),
    fields: { ...c.fields },
    bot: { ...bot },
    tracker: { ...c.tracker },
  };
}

export const contactDisplayName = (c: Pick<ContactRow, "firstName" | "lastName" | "username">) =>
  [c.firstName, c.lastName].filter(Boolean).join(" ").trim() || (c.username ? `@${c.username}` : "Unknown");
