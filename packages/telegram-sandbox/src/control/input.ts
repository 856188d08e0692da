// Validation of control API request bodies. Errors name the offending field so a typo in a
// test shows up as a clear 400 instead of a confusing downstream failure.

import { ControlError } from "../errors";
import type { SandboxUser, TgContact } from "../types";

export type Input = Record<string, unknown>;

export function requireString(input: Input, key: string): string {
  const value = input[key];
  if (typeof value !== "string" || value === "")
    throw new ControlError(400, `"${key}" must be a non-empty string`);
  return value;
}

export function optionalString(input: Input, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ControlError(400, `"${key}" must be a string`);
  return value;
}

export function requireInt(input: Input, key: string): number {
  const value = input[key];
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new ControlError(400, `"${key}" must be an integer`);
  }
  return value;
}

export function optionalInt(input: Input, key: string): number | undefined {
  const value = input[key];
  return value === undefined || value === null ? undefined : requireInt(input, key);
}

export function optionalBool(input: Input, key: string): boolean | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw new ControlError(400, `"${key}" must be a boolean`);
  return value;
}

export function requireUser(input: Input, key = "from"): SandboxUser {
  const from = input[key];
  if (typeof from !== "object" || from === null)
    throw new ControlError(400, `"${key}" must be a SandboxUser object`);
  const user = from as Input;
  const id = requireInt(user, "id");
  if (id <= 0) throw new ControlError(400, `"${key}.id" must be a positive integer`);
  const out: SandboxUser = { id, first_name: requireString(user, "first_name") };
  for (const key of ["last_name", "username", "language_code", "photo_url"] as const) {
    const value = optionalString(user, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function optionalUser(input: Input, key: string): SandboxUser | undefined {
  return input[key] === undefined || input[key] === null ? undefined : requireUser(input, key);
}

/** Administrator rights: an object of the Bot API's ChatAdministratorRights booleans. */
export function optionalRights(
  input: Input,
  key: string,
  known: readonly string[],
): Record<string, boolean> | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value))
    throw new ControlError(400, `"${key}" must be an object of ChatAdministratorRights booleans`);
  const out: Record<string, boolean> = {};
  for (const [name, flag] of Object.entries(value)) {
    if (!known.includes(name))
      throw new ControlError(
        400,
        `"${key}.${name}" is not a ChatAdministratorRights field (${known.join(", ")})`,
      );
    if (typeof flag !== "boolean") throw new ControlError(400, `"${key}.${name}" must be a boolean`);
    out[name] = flag;
  }
  return out;
}

/** A contact card: phone_number and first_name required; user_id (positive) optional. */
export function requireContact(input: Input): TgContact {
  const contact = input.contact;
  if (typeof contact !== "object" || contact === null)
    throw new ControlError(
      400,
      '"contact" must be an object { phone_number, first_name, last_name?, user_id?, vcard? }',
    );
  const card = contact as Input;
  const out: TgContact = {
    phone_number: requireString(card, "phone_number"),
    first_name: requireString(card, "first_name"),
  };
  const lastName = optionalString(card, "last_name");
  if (lastName) out.last_name = lastName;
  const userId = optionalInt(card, "user_id");
  if (userId !== undefined) {
    if (userId <= 0) throw new ControlError(400, '"contact.user_id" must be a positive integer');
    out.user_id = userId;
  }
  const vcard = optionalString(card, "vcard");
  if (vcard) out.vcard = vcard;
  return out;
}
