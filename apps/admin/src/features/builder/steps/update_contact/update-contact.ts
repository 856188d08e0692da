import type { CustomFieldDefinition, FieldRef } from "@switchboard/flow";

/** What the user may answer for this field, as the engine checks it. */
export function answerHint(field: FieldRef, definition: CustomFieldDefinition | undefined): string {
  if (field.kind === "contact")
    switch (field.key) {
      case "phone":
        return "Users tap the share button or type a number; it's saved in international form.";
      case "email":
        return "Only a valid email address is accepted; it's saved in lower case.";
      case "language":
        return "Any text of 2 to 35 characters.";
      default:
        return "Any text up to 128 characters.";
    }
  switch (definition?.type) {
    case "number":
      return "Only a number is accepted.";
    case "date":
      return "Only a date is accepted (2026-11-23, 23.11.2026 or 23/11/2026).";
    case "choice":
      return definition.options.length
        ? `Shown as buttons: ${definition.options.join(", ")}.`
        : "This choice field has no options yet.";
    case "text":
      return "Any text up to 500 characters.";
    default:
      return "A custom field of this workspace.";
  }
}

/** "+vip +lead −cold": what the step does to the contact's tags. */
export function tagChanges(add: readonly string[], remove: readonly string[]): string {
  return [...add.map((t) => `+${t}`), ...remove.map((t) => `−${t}`)].join(" ");
}
